import { Badge, Button, Group, Paper, Table, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconDownload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { Batch, BatchStatus } from '../../../../shared/api/welfare';
import { call } from '../../../bridge/client';
import { FormModal } from '../../../components/FormModal';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStatus';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { notifyError, notifySuccess } from '../../../errors';
import { formatDateTime } from '../../../format';
import { useCan } from '../../../session/use-session';
import { welfareLabel } from '../shared/labels';
import { downloadRejected } from './rejected-download';

const STATUS_COLORS: Record<BatchStatus, string> = { importing: 'blue', complete: 'green', withdrawn: 'gray' };

/** Every imported file with its provenance; a wrong or superseded one is withdrawn from later runs. */
export function BatchList() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const batches = useQuery(() => call(api.welfare.batches, {}), []);
  useDataChanged(batches.reload);
  const [withdrawing, setWithdrawing] = useState<Batch | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const rows = useMemo(() => [...(batches.data ?? [])].sort((a, b) => b.importedAt.localeCompare(a.importedAt)), [batches.data]);
  const number = (n: number) => n.toLocaleString(i18n.language);

  async function download(batch: Batch) {
    setDownloading(batch.id);
    try {
      await downloadRejected(t, batch);
    } catch (error) {
      notifyError(t, error);
    } finally {
      setDownloading(null);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('ui.welfare.batches.title')}
      </Title>
      {batches.error && !batches.data ? (
        <ErrorState error={batches.error} onRetry={batches.reload} />
      ) : !batches.data ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState message={t('ui.welfare.batches.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table striped verticalSpacing={6} data-testid="batch-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ui.welfare.batches.columns.dataset')}</Table.Th>
                <Table.Th>{t('ui.welfare.batches.columns.file')}</Table.Th>
                <Table.Th>{t('ui.welfare.batches.columns.by')}</Table.Th>
                <Table.Th>{t('ui.welfare.batches.columns.at')}</Table.Th>
                <Table.Th ta="right">{t('ui.welfare.batches.columns.rows')}</Table.Th>
                <Table.Th ta="right">{t('ui.welfare.batches.columns.accepted')}</Table.Th>
                <Table.Th ta="right">{t('ui.welfare.batches.columns.rejected')}</Table.Th>
                <Table.Th>{t('ui.welfare.batches.columns.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((batch) => (
                <Table.Tr key={batch.id} data-testid="batch-row" data-batch-id={batch.id} data-dataset={batch.dataset} data-file={batch.fileName} data-status={batch.status}>
                  <Table.Td>{welfareLabel(t, 'dataset', batch.dataset)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{batch.fileName}</Text>
                    {batch.sheet && (
                      <Text size="xs" c="dimmed">
                        {batch.sheet}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{batch.importedByName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(batch.importedAt, { seconds: false })}</Table.Td>
                  <Table.Td ta="right">{number(batch.rows)}</Table.Td>
                  <Table.Td ta="right">{number(batch.accepted)}</Table.Td>
                  <Table.Td ta="right">{number(batch.rejected)}</Table.Td>
                  <Table.Td>
                    <Tooltip label={t('ui.welfare.batches.withdrawnReason', { reason: batch.withdrawnReason ?? '' })} disabled={!batch.withdrawnReason}>
                      <Badge variant="light" color={STATUS_COLORS[batch.status]} data-testid="batch-status">
                        {welfareLabel(t, 'batchStatus', batch.status)}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      {batch.rejected > 0 && (
                        <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={14} />} loading={downloading === batch.id} onClick={() => void download(batch)} data-testid="batch-rejected">
                          {t('ui.welfare.batches.rejectedRows')}
                        </Button>
                      )}
                      {can('welfare.import') && batch.status === 'complete' && (
                        <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => setWithdrawing(batch)} data-testid="batch-withdraw">
                          {t('ui.welfare.batches.withdraw')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <WithdrawModal batch={withdrawing} onClose={() => setWithdrawing(null)} />
    </Paper>
  );
}

/** Withdrawing asks why: the reason stays with the batch for whoever reads the record later. */
function WithdrawModal({ batch, onClose }: { batch: Batch | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Batch | null>(batch);
  if (batch && batch !== shown) {
    // a new batch: start with an empty reason
    setShown(batch);
    setReason('');
    setError(null);
  }
  const target = batch ?? shown;

  async function submit() {
    if (!target) return;
    try {
      await call(api.welfare.withdrawBatch, { batchId: target.id, reason: reason.trim() });
      notifySuccess(t('ui.welfare.batches.withdrawn', { fileName: target.fileName }));
      onClose();
    } catch (failure) {
      notifyError(t, failure);
    }
  }

  return (
    <FormModal
      opened={batch !== null}
      onClose={onClose}
      title={t('ui.welfare.batches.withdrawTitle', { fileName: target?.fileName ?? '' })}
      testId="withdraw-form"
      submitLabel={t('ui.welfare.batches.withdrawConfirm')}
      validate={() => {
        const ok = reason.trim().length > 0;
        setError(ok ? null : t('ui.welfare.batches.reasonRequired'));
        return ok;
      }}
      onSubmit={submit}
    >
      <Text size="sm" c="dimmed">
        {t('ui.welfare.batches.withdrawHint')}
      </Text>
      <Textarea
        label={t('ui.welfare.batches.reason')}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        error={error}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setError(null);
        }}
        data-testid="withdraw-reason"
        data-autofocus
      />
    </FormModal>
  );
}
