import { Alert, Badge, Button, Group, List, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { RULE_CODES, type RuleRun } from '../../../../shared/api/welfare';
import { call, on } from '../../../bridge/client';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { asWireError, notifyError, notifySuccess } from '../../../errors';
import { formatDateTime } from '../../../format';
import { useCan } from '../../../session/use-session';
import { welfareLabel } from '../shared/labels';

/** The most recent of the runs, whichever order they come in. */
export function latestRun(runs: readonly RuleRun[]): RuleRun | null {
  return runs.reduce<RuleRun | null>((latest, run) => (!latest || run.startedAt > latest.startedAt ? run : latest), null);
}

/** A run under way: its progress events and its cancel name it by this id. */
interface RunningJob {
  jobId: string;
  done: number;
  total: number;
  cancelling: boolean;
  /** the user's own, which they may cancel */
  mine: boolean;
  /** started elsewhere (another window, or before this screen opened): who and when, and its end learnt by asking the core */
  elsewhere: { byName: string; startedAt: string } | null;
}

/** How often to ask whether a run started elsewhere has ended (its end sends no event; a cancelled run writes nothing). */
const ELSEWHERE_POLL_MS = 1000;

/** A job id no other run of this window shares (`crypto.randomUUID` needs a secure context; a LAN address is not one). */
function newJobId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Running the rules over every complete batch, and what the last run found, rule by rule. */
export function RunRulesCard() {
  const { t } = useTranslation();
  const can = useCan();
  const runs = useQuery(() => call(api.welfare.runs, {}), []);
  useDataChanged(runs.reload);
  const underWay = useQuery(() => call(api.welfare.runUnderWay, {}), []);
  const [running, setRunning] = useState<RunningJob | null>(null);
  const [ran, setRan] = useState<RuleRun | null>(null);
  const last = latestRun([...(runs.data ?? []), ...(ran ? [ran] : [])]);
  const jobId = running?.jobId;
  const elsewhere = running?.elsewhere != null;

  // a run that was going when the screen opened
  useEffect(() => {
    const job = underWay.data;
    if (!job) return;
    setRunning((current) => current ?? { jobId: job.jobId, done: job.done, total: job.total, cancelling: false, mine: job.mine, elsewhere: { byName: job.byName, startedAt: job.startedAt } });
  }, [underWay.data]);

  useEffect(() => {
    if (!jobId) return;
    return on('welfare.rulesProgressed', (event) => {
      if (event.jobId === jobId) setRunning((job) => (job?.jobId === jobId ? { ...job, done: event.done, total: event.total } : job));
    });
  }, [jobId]);

  useEffect(() => {
    if (!jobId || !elsewhere) return;
    const timer = setInterval(() => {
      call(api.welfare.runUnderWay, {}).then(
        (job) => {
          if (job?.jobId === jobId) return;
          setRunning((current) => (current?.jobId === jobId ? null : current));
          runs.reload();
        },
        () => {}, // asked again at the next tick
      );
    }, ELSEWHERE_POLL_MS);
    return () => clearInterval(timer);
  }, [jobId, elsewhere, runs.reload]);

  async function run() {
    const jobId = newJobId();
    setRunning({ jobId, done: 0, total: RULE_CODES.length, cancelling: false, mine: true, elsewhere: null });
    try {
      const result = await call(api.welfare.runRules, { jobId });
      setRan(result);
      notifySuccess(t('ui.welfare.run.done', { hits: result.hits, newHits: result.newHits }));
    } catch (error) {
      // the user asked for it: nothing went wrong
      if (asWireError(error).code === 'WELFARE_RUN_CANCELLED') notifications.show({ color: 'gray', message: t('errors.WELFARE_RUN_CANCELLED'), autoClose: 4000 });
      else notifyError(t, error);
    } finally {
      setRunning(null);
    }
  }

  async function cancel() {
    if (!running || running.cancelling) return;
    const { jobId } = running;
    setRunning((job) => (job?.jobId === jobId ? { ...job, cancelling: true } : job));
    try {
      // not cancelled: the run has just ended, and answers for itself
      await call(api.welfare.cancelRun, { jobId });
    } catch (error) {
      notifyError(t, error);
      setRunning((job) => (job?.jobId === jobId ? { ...job, cancelling: false } : job));
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
          <Group gap="xs" wrap="nowrap">
            {running?.mine && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconPlayerStop size={18} />}
                loading={running.cancelling}
                onClick={() => void cancel()}
                data-testid="run-cancel"
              >
                {t('ui.welfare.run.cancel')}
              </Button>
            )}
            <Button leftSection={<IconPlayerPlay size={18} />} loading={running !== null} onClick={() => void run()} data-testid="run-rules">
              {t('ui.welfare.run.button')}
            </Button>
          </Group>
        )}
      </Group>
      {running && <RunProgress job={running} />}
    </Paper>
  );
}

/** How many of the rules the run under way has compared; who started it, when not here. */
function RunProgress({ job }: { job: RunningJob }) {
  const { t } = useTranslation();
  const label = t('welfare.runProgress', { done: job.done, total: job.total });
  return (
    <Stack gap={4} mt="sm" role="status" aria-live="polite" data-testid="run-progress" data-done={job.done} data-total={job.total}>
      <Progress value={(job.done / job.total) * 100} animated aria-label={label} />
      <Text size="sm" c="dimmed">
        {label}
        {job.elsewhere && ` · ${t('ui.welfare.run.underWay', { name: job.elsewhere.byName, at: formatDateTime(job.elsewhere.startedAt, { seconds: false }) })}`}
      </Text>
    </Stack>
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
