import { Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WelfareImportReport } from '../../../../shared/api/welfare';
import { notifyError } from '../../../errors';
import { reasonText } from '../../import/rejected-csv';
import { welfareLabel } from '../shared/labels';
import { downloadRejected, labelRejected } from './rejected-download';

function Figure({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} c={color} data-testid={`${testId}-value`} data-value={value}>
        {value.toLocaleString(i18n.language)}
      </Text>
    </Paper>
  );
}

/** What an import read, kept and refused, with the refused rows and all of them as a file. */
export function WelfareReportView({ report }: { report: WelfareImportReport }) {
  const { t } = useTranslation();
  const { batch } = report;
  const [downloading, setDownloading] = useState(false);
  const rows = labelRejected(batch.dataset, report.rejected);

  async function download() {
    setDownloading(true);
    try {
      await downloadRejected(t, batch);
    } catch (error) {
      notifyError(t, error);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="welfare-report" data-batch-id={batch.id}>
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('ui.welfare.report.title', { fileName: batch.fileName, dataset: welfareLabel(t, 'dataset', batch.dataset) })}
        </Title>
        <SimpleGrid cols={3} maw={600}>
          <Figure testId="report-rows" label={t('ui.welfare.report.rows')} value={batch.rows} />
          <Figure testId="report-accepted" label={t('ui.welfare.report.accepted')} value={batch.accepted} color="green.8" />
          <Figure testId="report-rejected" label={t('ui.welfare.report.rejected')} value={batch.rejected} color={batch.rejected > 0 ? 'red.8' : undefined} />
        </SimpleGrid>
        {batch.rejected === 0 ? (
          <Text c="dimmed">{t('ui.welfare.report.noneRejected')}</Text>
        ) : (
          <>
            <Group justify="space-between">
              <Text fw={600}>
                {rows.length < batch.rejected ? t('ui.welfare.report.rejectedShown', { shown: rows.length, total: batch.rejected }) : t('ui.welfare.report.rejectedTitle')}
              </Text>
              <Button size="xs" variant="light" leftSection={<IconDownload size={16} />} loading={downloading} onClick={() => void download()} data-testid="download-rejected">
                {t('ui.welfare.report.downloadRejected')}
              </Button>
            </Group>
            <ScrollArea.Autosize mah={360} type="auto">
              <Table striped verticalSpacing={4} stickyHeader data-testid="rejected-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('ui.peopleImport.columns.row')}</Table.Th>
                    <Table.Th w={160}>{t('ui.peopleImport.columns.field')}</Table.Th>
                    <Table.Th>{t('ui.peopleImport.columns.reason')}</Table.Th>
                    <Table.Th>{t('ui.peopleImport.columns.value')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row, i) => (
                    <Table.Tr key={`${row.row}-${row.field}-${i}`} data-testid="rejected-row" data-row={row.row}>
                      <Table.Td>{row.row}</Table.Td>
                      <Table.Td>{row.field}</Table.Td>
                      <Table.Td>{reasonText(t, row)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {row.details?.value ?? t('ui.common.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
      </Stack>
    </Paper>
  );
}
