import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeopleImportReport } from '../../../shared/api/registry';
import { RejectedTable } from './RejectedTable';

function Figure({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} c={color} data-testid={`${testId}-value`}>
        {value}
      </Text>
    </Paper>
  );
}

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
          <Figure testId="report-rows" label={t('ui.peopleImport.rows')} value={report.rows} />
          <Figure testId="report-created" label={t('ui.peopleImport.created')} value={report.created} color="green.8" />
          <Figure testId="report-updated" label={t('ui.peopleImport.updated')} value={report.updated} color="blue.8" />
          <Figure testId="report-unchanged" label={t('ui.peopleImport.unchanged')} value={report.unchanged} />
          <Figure testId="report-rejected" label={t('ui.peopleImport.rejectedCount')} value={rejected} color={rejected > 0 ? 'red.8' : undefined} />
        </SimpleGrid>
        {rejected === 0 ? (
          <Text c="dimmed">{t('ui.peopleImport.noneRejected')}</Text>
        ) : (
          <RejectedTable rows={report.rejected} fileName={report.fileName} />
        )}
      </Stack>
    </Paper>
  );
}
