import { Button, Group, Loader, Paper, Progress, Stack, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelImport, type ImportJob } from './import-job';
import { durationParts, importProgress } from './progress';

type RunningJob = Extract<ImportJob, { step: 'importing' }>;

/** Rows read, the rate and the time left of a running import, with the way to stop it. */
export function ImportRunning({ job }: { job: RunningJob }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  // the rate and the time left move on between events too
  useInterval(() => setNow(Date.now()), 1000, { autoInvoke: true });
  const progress = importProgress(job.progress, now - job.startedAt);
  const number = (n: number) => n.toLocaleString(i18n.language);
  const left = progress.secondsLeft === null ? null : durationParts(progress.secondsLeft);

  return (
    <Paper withBorder p="md" role="status" aria-live="polite" data-testid="welfare-import-running">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Loader size="sm" />
            <Text>{t('ui.welfare.import.running', { fileName: job.fileName })}</Text>
          </Group>
          <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} loading={job.cancelling} onClick={cancelImport} data-testid="welfare-cancel">
            {t('ui.welfare.import.cancel')}
          </Button>
        </Group>
        {progress.fraction !== null && <Progress value={progress.fraction * 100} animated aria-label={t('ui.welfare.import.running', { fileName: job.fileName })} />}
        <Group gap="lg">
          <Text size="sm" data-testid="import-rows" data-rows={progress.rows}>
            {t('ui.welfare.import.rows', { rows: number(progress.rows) })}
          </Text>
          {progress.rowsPerSecond !== null && (
            <Text size="sm" c="dimmed" data-testid="import-rate">
              {t('ui.welfare.import.rate', { rate: number(progress.rowsPerSecond) })}
            </Text>
          )}
          {left !== null && (
            <Text size="sm" c="dimmed" data-testid="import-left">
              {left.minutes > 0 ? t('ui.welfare.import.leftMinutes', left) : t('ui.welfare.import.leftSeconds', left)}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
