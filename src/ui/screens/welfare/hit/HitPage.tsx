import { Alert, Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconTransfer } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { HitDetail, HitStatus } from '../../../../shared/api/welfare';
import { call } from '../../../bridge/client';
import { ErrorState, LoadingState } from '../../../components/QueryStatus';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { notifyError, notifySuccess } from '../../../errors';
import { routeHref } from '../../../routing';
import { useCan } from '../../../session/use-session';
import { hitsRoute } from '../../../welfare-routes';
import { welfareLabel } from '../shared/labels';
import { formatConfidence, formatYuan } from '../shared/money';
import { StatusBadge } from '../shared/StatusBadge';
import { EvidenceCard } from './EvidenceCard';
import { FindingForm } from './FindingForm';
import { HistoryCard } from './HistoryCard';
import { HitDocuments } from './HitDocuments';

/** A county records its finding on a hit sent to it, or records it again; a handed-over hit is done with. */
const VERIFIABLE: readonly HitStatus[] = ['assigned', 'confirmed', 'explained', 'data_error'];

/** One hit: what was found and on which records, what the county made of it, and its hand-over as a clue. */
export function HitPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const detail = useQuery(() => call(api.welfare.getHit, { id }), [id]);
  useDataChanged(detail.reload);

  const back = (
    <Anchor
      href={routeHref(hitsRoute())}
      size="sm"
      onClick={(e) => {
        // back to the board as it was left, filters and page included
        if (window.history.length > 1) {
          e.preventDefault();
          window.history.back();
        }
      }}
    >
      <Group gap={4}>
        <IconArrowLeft size={16} />
        {t('ui.welfare.hit.back')}
      </Group>
    </Anchor>
  );
  if (detail.error && !detail.data) {
    return (
      <Stack>
        {back}
        <ErrorState error={detail.error} onRetry={detail.reload} />
      </Stack>
    );
  }
  if (!detail.data) return <LoadingState />;
  const hit = detail.data;
  const mayVerify = can('welfare.verify') && VERIFIABLE.includes(hit.status);
  return (
    <Stack gap="md" data-testid="hit-detail" data-hit-id={hit.id} data-status={hit.status}>
      {back}
      <Group gap="sm">
        <Badge size="lg" variant="outline" color="gray" radius="sm">
          {hit.rule}
        </Badge>
        <Title order={2}>{t('ui.welfare.hit.title', { rule: welfareLabel(t, 'rule', hit.rule), name: hit.name })}</Title>
        <StatusBadge status={hit.status} size="lg" />
      </Group>
      {!hit.current && (
        <Alert color="gray" icon={<IconInfoCircle />} data-testid="hit-stale">
          {t('ui.welfare.hit.stale')}
        </Alert>
      )}
      <HitFields hit={hit} />
      <HandOver hit={hit} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {mayVerify && <FindingForm key={hit.status} hit={hit} onSaved={detail.reload} />}
            {!mayVerify && can('welfare.verify') && hit.status === 'new' && (
              <Text size="sm" c="dimmed" data-testid="hit-not-assigned">
                {t('ui.welfare.hit.notAssigned')}
              </Text>
            )}
            <EvidenceCard evidence={hit.evidence} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <HistoryCard history={hit.history} />
            <HitDocuments hitId={hit.id} documents={hit.documents} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function HitFields({ hit }: { hit: HitDetail }) {
  const { t } = useTranslation();
  const none = t('ui.common.none');
  const fields: [string, string, string][] = [
    ['idNumber', t('ui.welfare.hits.columns.idNumber'), hit.idNumber],
    ['program', t('ui.welfare.hits.columns.program'), hit.program],
    ['period', t('ui.welfare.hits.columns.period'), hit.period],
    ['amount', t('ui.welfare.hits.columns.amount'), formatYuan(hit.amountFen)],
    ['recoverable', t('ui.welfare.hit.recoverable'), formatYuan(hit.recoverableFen)],
    ['place', t('ui.welfare.hits.columns.place'), [hit.county ?? none, hit.township, hit.village].join(' / ')],
    ['confidence', t('ui.welfare.hits.columns.confidence'), formatConfidence(hit.confidence)],
    ['assigned', t('ui.welfare.hit.assignedUnit'), hit.assignedUnitName ?? none],
  ];
  return (
    <Paper withBorder p="md" data-testid="hit-fields">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="xs">
        {fields.map(([key, label, value]) => (
          <div key={key}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm" fw={500} data-testid={`hit-${key}`} ff={key === 'idNumber' ? 'monospace' : undefined}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** A confirmed hit goes on as a clue (source: big-data hit) with its evidence; then the clue is a link away. */
function HandOver({ hit }: { hit: HitDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const [caseId, setCaseId] = useState<string | null>(null);
  const clue = hit.caseId ?? caseId;

  async function handOver() {
    setBusy(true);
    try {
      const result = await call(api.welfare.handOver, { hitId: hit.id });
      setCaseId(result.caseId);
      notifySuccess(t('ui.welfare.handOver.done', { count: result.hitIds.length }));
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(false);
    }
  }

  if (clue) {
    return (
      <Alert color="violet" icon={<IconTransfer />} title={t('ui.welfare.handOver.doneTitle')} data-testid="hit-handed-over">
        <Anchor href={routeHref({ name: 'case', id: clue })} size="sm" data-testid="hit-case-link">
          {t('ui.welfare.handOver.openCase')}
        </Anchor>
      </Alert>
    );
  }
  if (hit.status !== 'confirmed' || !can('welfare.verify')) return null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <Text size="sm">{t('ui.welfare.handOver.hint')}</Text>
        <Button color="violet" leftSection={<IconTransfer size={16} />} loading={busy} onClick={() => void handOver()} data-testid="hand-over">
          {t('ui.welfare.handOver.button')}
        </Button>
      </Group>
    </Paper>
  );
}
