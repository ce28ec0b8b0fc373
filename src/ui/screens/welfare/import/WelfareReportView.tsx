import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WelfareImportReport } from '../../../../shared/api/welfare';
import { RejectedTable } from '../../import/RejectedTable';
import { ReportFigure } from '../../import/ReportFigure';
import { welfareLabel } from '../shared/labels';
import { downloadRejected, labelRejected } from './rejected-download';

/** What an import read, kept and refused, with the refused rows and all of them as a file. */
export function WelfareReportView({ report }: { report: WelfareImportReport }) {
  const { t } = useTranslation();
  const { batch } = report;
  const rows = labelRejected(batch.dataset, report.rejected);
  return (
    <Paper withBorder p="md" data-testid="welfare-report" data-batch-id={batch.id}>
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('ui.welfare.report.title', { fileName: batch.fileName, dataset: welfareLabel(t, 'dataset', batch.dataset) })}
        </Title>
        <SimpleGrid cols={3} maw={600}>
          <ReportFigure testId="report-rows" label={t('ui.welfare.report.rows')} value={batch.rows} />
          <ReportFigure testId="report-accepted" label={t('ui.welfare.report.accepted')} value={batch.accepted} color="green.8" />
          <ReportFigure testId="report-rejected" label={t('ui.welfare.report.rejected')} value={batch.rejected} color={batch.rejected > 0 ? 'red.8' : undefined} />
        </SimpleGrid>
        {batch.rejected === 0 ? (
          <Text c="dimmed">{t('ui.welfare.report.noneRejected')}</Text>
        ) : (
          <RejectedTable
            rows={rows}
            title={rows.length < batch.rejected ? t('ui.welfare.report.rejectedShown', { shown: rows.length, total: batch.rejected }) : t('ui.welfare.report.rejectedTitle')}
            downloadLabel={t('ui.welfare.report.downloadRejected')}
            fieldLabel={(field) => field}
            onDownload={() => downloadRejected(t, batch)}
          />
        )}
      </Stack>
    </Paper>
  );
}
