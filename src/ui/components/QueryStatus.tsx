import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '../../shared/api/errors';
import { errorMessage } from '../../shared/i18n/translate';

/** The error state of a screen or panel: the translated reason and a way to try again. */
export function ErrorState({ error, onRetry }: { error: WireError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={t('ui.common.loadFailed')} role="alert">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('ui.common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{t('ui.common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ message }: { message: string }) {
  return (
    <Center py="xl" data-testid="empty-state">
      <Text c="dimmed">{message}</Text>
    </Center>
  );
}
