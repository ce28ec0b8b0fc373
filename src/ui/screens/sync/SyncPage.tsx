import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call, on } from '../../bridge/client';
import { ErrorState, LoadingState } from '../../components/QueryStatus';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery } from '../../data/use-query';
import { useCan } from '../../session/use-session';
import { BundleImportCard } from './BundleImportCard';
import { NodeCard } from './NodeCard';
import { PeersCard } from './PeersCard';
import { RelayCard } from './RelayCard';
import { syncStatusChanged, useSyncStatus } from './use-sync-status';

/**
 * Sync between offices: this node, its relay, its peers and the bundle files carried by hand.
 * Everyone with system.read sees the state; adding, revoking, exporting and importing need
 * sync.manage.
 */
export function SyncPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('sync.manage');
  const status = useSyncStatus();
  // a database set up before sync gets its keys here, on first use: the status can follow
  const identity = useQuery(() => call(api.sync.identity, {}), []);
  const notSetUp = status.error?.code === 'SYNC_NOT_SET_UP';
  useEffect(() => {
    if (identity.data && notSetUp) syncStatusChanged();
  }, [identity.data, notSetUp]);
  const peers = useQuery(() => call(api.sync.peers, {}), []);
  // a bundle in or out (by file or through the relay) moves a peer's last exchanges
  useDataChanged(peers.reload);
  useEffect(() => on('sync.changed', () => peers.reload()), [peers.reload]);
  const { reload: reloadPeers } = peers;
  const refresh = useCallback(() => {
    reloadPeers();
    // this screen's status and the status bar's
    syncStatusChanged();
  }, [reloadPeers]);

  return (
    <Stack gap="md" data-testid="sync-page">
      <div>
        <Title order={2}>{t('ui.sync.title')}</Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('ui.sync.intro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <NodeCard identity={identity} manage={manage} />
        {status.error && !status.data ? (
          <ErrorState error={status.error} onRetry={status.reload} />
        ) : status.data ? (
          <RelayCard relay={status.data.relay} onSynced={refresh} />
        ) : (
          <LoadingState />
        )}
      </SimpleGrid>
      <PeersCard peers={peers} states={status.data?.peers} manage={manage} onChanged={refresh} />
      {manage && <BundleImportCard onImported={refresh} />}
    </Stack>
  );
}
