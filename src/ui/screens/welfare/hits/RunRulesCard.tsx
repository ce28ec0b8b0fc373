import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { RULE_CODES, type RuleRun } from '../../../../shared/api/welfare';
import { call } from '../../../bridge/client';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { notifyError, notifySuccess } from '../../../errors';
import { formatDateTime } from '../../../format';
import { useCan } from '../../../session/use-session';
import { welfareLabel } from '../shared/labels';

/** The most recent of the runs, whichever order they come in. */
export function latestRun(runs: readonly RuleRun[]): RuleRun | null {
  return runs.reduce<RuleRun | null>((latest, run) => (!latest || run.startedAt > latest.startedAt ? run : latest), null);
}

/** Running the rules over every complete batch, and what the last run found, rule by rule. */
export function RunRulesCard() {
  const { t } = useTranslation();
  const can = useCan();
  const runs = useQuery(() => call(api.welfare.runs, {}), []);
  useDataChanged(runs.reload);
  const [running, setRunning] = useState(false);
  const [ran, setRan] = useState<RuleRun | null>(null);
  const last = latestRun([...(runs.data ?? []), ...(ran ? [ran] : [])]);

  async function run() {
    setRunning(true);
    try {
      const result = await call(api.welfare.runRules, {});
      setRan(result);
      notifySuccess(t('ui.welfare.run.done', { hits: result.hits, newHits: result.newHits }));
    } catch (error) {
      notifyError(t, error);
    } finally {
      setRunning(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        {last ? (
          <Stack gap={6} data-testid="rule-run" data-run-id={last.id} data-fresh={ran?.id === last.id} data-hits={last.hits}>
            <Text size="sm">
              {t('ui.welfare.run.last', {
                at: formatDateTime(last.finishedAt, { seconds: false }),
                by: last.byName,
                batches: last.batchIds.length,
              })}
            </Text>
            <Group gap="xs">
              <Badge size="lg" variant="filled" data-testid="run-hits">
                {t('ui.welfare.run.hits', { count: last.hits })}
              </Badge>
              <Badge size="lg" variant="light" color="orange" data-testid="run-new">
                {t('ui.welfare.run.newHits', { count: last.newHits })}
              </Badge>
              <Badge size="lg" variant="light" color="gray" data-testid="run-gone">
                {t('ui.welfare.run.noLongerFound', { count: last.noLongerFound })}
              </Badge>
            </Group>
            <Group gap={6}>
              {RULE_CODES.filter((rule) => last.byRule[rule]).map((rule) => (
                <Tooltip key={rule} label={welfareLabel(t, 'rule', rule)}>
                  <Badge variant="outline" color="gray" data-testid="run-rule" data-rule={rule} data-count={last.byRule[rule]}>
                    {t('ui.welfare.run.ruleCount', { rule, count: last.byRule[rule] })}
                  </Badge>
                </Tooltip>
              ))}
            </Group>
            {ran?.id === last.id && <WithoutStandard run={ran} />}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" data-testid="rule-run-none">
            {t('ui.welfare.run.none')}
          </Text>
        )}
        {can('welfare.analyse') && (
          <Button leftSection={<IconPlayerPlay size={18} />} loading={running} onClick={() => void run()} data-testid="run-rules">
            {t('ui.welfare.run.button')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** What R9 could not compare in the run just made (a county written two ways, most often). */
function WithoutStandard({ run }: { run: RuleRun }) {
  const { t } = useTranslation();
  const rows = run.withoutStandard ?? [];
  if (rows.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('ui.welfare.run.withoutStandard.title', { count: rows.reduce((n, r) => n + r.payments, 0) })} data-testid="run-without-standard">
      <Text size="sm">{t('ui.welfare.run.withoutStandard.hint')}</Text>
      <List size="sm" mt={4}>
        {rows.map((r) => (
          <List.Item key={`${r.program}|${r.county}|${r.period}`}>{t('ui.welfare.run.withoutStandard.row', r)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
