import { Alert, Button, Group, Loader, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../errors';
import { formatBytes, formatDateTime } from '../../../format';
import { welfareLabel } from '../shared/labels';
import { resetImport, type ImportJob } from './import-job';
import { ImportRunning } from './ImportRunning';
import { MappingStep } from './MappingStep';
import { WelfareReportView } from './WelfareReportView';

/** Where the import stands: uploading, checking, mapping, running, or how it ended. */
export function JobView({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  switch (job.step) {
    case 'idle':
      return null;
    case 'uploading':
      return (
        <Paper withBorder p="md" role="status" aria-live="polite" data-testid="welfare-uploading">
          <Stack gap="xs">
            <Text>{t('ui.welfare.import.uploading', { fileName: job.fileName, sent: formatBytes(job.sent), total: formatBytes(job.total) })}</Text>
            <Progress value={job.total > 0 ? (job.sent / job.total) * 100 : 100} aria-label={t('ui.welfare.import.uploadProgress')} />
          </Stack>
        </Paper>
      );
    case 'inspecting':
      return (
        <Paper withBorder p="md" role="status" aria-live="polite" data-testid="welfare-inspecting">
          <Group gap="sm">
            <Loader size="sm" />
            <Text>{t('ui.welfare.import.inspecting', { fileName: job.fileName })}</Text>
          </Group>
        </Paper>
      );
    case 'duplicate': {
      const earlier = job.batch;
      return (
        <Alert color="yellow" icon={<IconCopy />} title={t('ui.welfare.import.duplicateTitle')} role="alert" data-testid="welfare-duplicate" data-batch-id={earlier.id}>
          <Stack gap="xs">
            <Text size="sm">
              {t('ui.welfare.import.duplicateBody', {
                fileName: job.fileName,
                dataset: welfareLabel(t, 'dataset', earlier.dataset),
                earlierFile: earlier.fileName,
                by: earlier.importedByName,
                at: formatDateTime(earlier.importedAt, { seconds: false }),
                rows: earlier.rows,
              })}
            </Text>
            <Group>
              <Button size="xs" variant="light" color="yellow" onClick={resetImport}>
                {t('ui.welfare.import.chooseAnother')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      );
    }
    case 'mapping':
      return <MappingStep key={`${job.uploadId}:${job.sheet ?? ''}`} job={job} />;
    case 'importing':
      return <ImportRunning job={job} />;
    case 'cancelled':
      return (
        <Alert color="gray" icon={<IconInfoCircle />} title={t('ui.welfare.import.cancelledTitle')} data-testid="welfare-cancelled">
          {t('ui.welfare.import.cancelledBody', { fileName: job.fileName })}
        </Alert>
      );
    case 'failed':
      return (
        <Alert color="red" icon={<IconAlertCircle />} title={t('ui.welfare.import.failedTitle', { fileName: job.fileName })} role="alert" data-testid="welfare-import-error">
          {describeError(t, job.error)}
        </Alert>
      );
    case 'done':
      return <WelfareReportView report={job.report} />;
  }
}
