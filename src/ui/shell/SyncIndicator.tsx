import { Anchor, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { routeHref } from '../routing';
import { RelayBadge } from '../screens/sync/RelayBadge';
import { showsIndicator, waitingTotal } from '../screens/sync/sync-summary';
import { useSyncStatus } from '../screens/sync/use-sync-status';
import { useCan } from '../session/use-session';

/**
 * The sync state in the status bar: the relay online or offline, the last exchange and what
 * waits to go, linking to the sync screen. Silent where there is nothing to sync with, and
 * where the state cannot be read (a database whose sync is not set up).
 */
export function SyncIndicator() {
  const can = useCan();
  return can('system.read') ? <SyncIndicatorBody /> : null;
}

function SyncIndicatorBody() {
  const { t } = useTranslation();
  const { data } = useSyncStatus();
  if (!data || !showsIndicator(data)) return null;
  const { relay } = data;
  const waiting = waitingTotal(data);
  const lastSync = relay.lastSync ? t('ui.sync.indicator.lastSync', { time: formatDateTime(relay.lastSync, { seconds: false }) }) : t('ui.sync.indicator.never');
  return (
    <Tooltip label={relay.url ?? t('ui.sync.relay.disabled')} withinPortal>
      <Anchor href={routeHref({ name: 'sync' })} underline="never" c="inherit" aria-label={t('ui.sync.indicator.label')} data-testid="sync-indicator" data-state={relay.state}>
        <Group gap={6} wrap="nowrap">
          <IconArrowsExchange size={18} stroke={1.6} />
          {relay.state !== 'disabled' && <RelayBadge state={relay.state} size="sm" />}
          {relay.state !== 'disabled' && (
            <Text size="xs" c="dimmed" visibleFrom="md" data-testid="sync-indicator-last">
              {lastSync}
            </Text>
          )}
          <Text size="xs" c={waiting > 0 ? 'orange.8' : 'dimmed'} data-testid="sync-indicator-waiting" data-waiting={waiting}>
            {t('ui.sync.indicator.waiting', { n: waiting })}
          </Text>
        </Group>
      </Anchor>
    </Tooltip>
  );
}
