import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeopleImportReport } from '../../../shared/api/registry';
import { enumLabel } from '../../components/enum-label';
import { downloadText } from '../../download';
import { rejectedRowsCsv } from './rejected-csv';
import { RejectedTable } from './RejectedTable';
import { ReportFigure } from './ReportFigure';

export function ImportReportView({ report }: { report: PeopleImportReport }) {
  const { t } = useTranslation();
  const rejected = report.rejected.length;
  return (
    <Paper withBorder p="md" data-testid="import-report">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('ui.peopleImport.reportTitle', { fileName: report.fileName })}
        </Title>
        <SimpleGrid cols={5}>
          <ReportFigure testId="report-rows" label={t('ui.peopleImport.rows')} value={report.rows} />
          <ReportFigure testId="report-created" label={t('ui.peopleImport.created')} value={report.created} color="green.8" />
          <ReportFigure testId="report-updated" label={t('ui.peopleImport.updated')} value={report.updated} color="blue.8" />
          <ReportFigure testId="report-unchanged" label={t('ui.peopleImport.unchanged')} value={report.unchanged} />
          <ReportFigure testId="report-rejected" label={t('ui.peopleImport.rejectedCount')} value={rejected} color={rejected > 0 ? 'red.8' : undefined} />
        </SimpleGrid>
        {rejected === 0 ? (
          <Text c="dimmed">{t('ui.peopleImport.noneRejected')}</Text>
        ) : (
          <RejectedTable
            rows={report.rejected}
            title={t('ui.peopleImport.rejectedTitle')}
            downloadLabel={t('ui.peopleImport.downloadRejected')}
            fieldLabel={(field) => enumLabel(t, 'importField', field)}
            onDownload={() => downloadText(t('ui.peopleImport.rejectedFileName', { fileName: report.fileName.replace(/\.[^.]+$/, '') }), rejectedRowsCsv(t, report.rejected))}
          />
        )}
      </Stack>
    </Paper>
  );
}
