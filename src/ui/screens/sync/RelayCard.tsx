import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { RelayStatus } from '../../../shared/api/sync';
import { call } from '../../bridge/client';
import { notifyError, notifySuccess } from '../../errors';
import { formatDateTime } from '../../format';
import { notifications } from '@mantine/notifications';
import { Facts } from './Facts';
import { RelayBadge } from './RelayBadge';

/** The relay on the private network: whether it answers, the last exchange, and one now on request. */
export function RelayCard({ relay, onSynced }: { relay: RelayStatus; onSynced: () => void }) {
  const { t } = useTranslation();
  const [syncing, setSyncing] = useState(false);

  async function syncNow() {
    setSyncing(true);
    try {
      const status = await call(api.sync.syncNow, {});
      if (status.relay.state === 'online') notifySuccess(t('ui.sync.relay.synced'));
      else notifications.show({ color: 'orange', message: t('ui.sync.relay.unreachable'), autoClose: 5000 });
      onSynced();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setSyncing(false);
    }
  }

  const never = t('ui.sync.relay.never');
  return (
    <Paper withBorder p="sm" data-testid="sync-relay">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('ui.sync.relay.title')}
        </Title>
        {relay.state !== 'disabled' && (
          <Button size="xs" variant="light" leftSection={<IconRefresh size={16} />} loading={syncing} onClick={() => void syncNow()} data-testid="sync-now">
            {t('ui.sync.relay.syncNow')}
          </Button>
        )}
      </Group>
      {relay.state === 'disabled' ? (
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <RelayBadge state="disabled" />
          <Text size="sm" c="dimmed">
            {t('ui.sync.relay.disabledHint')}
          </Text>
        </Group>
      ) : (
        <Facts
          rows={[
            { label: t('ui.sync.relay.url'), value: <Text size="sm" ff="monospace">{relay.url}</Text>, testId: 'relay-url' },
            { label: t('ui.sync.relay.state'), value: <RelayBadge state={relay.state} /> },
            { label: t('ui.sync.relay.lastSync'), value: relay.lastSync ? formatDateTime(relay.lastSync) : never, testId: 'relay-last-sync' },
            { label: t('ui.sync.relay.nextAttempt'), value: relay.nextAttempt ? formatDateTime(relay.nextAttempt) : t('ui.common.none') },
          ]}
        />
      )}
    </Paper>
  );
}
