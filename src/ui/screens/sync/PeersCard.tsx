import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileExport, IconPlus, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { Peer, PeerSyncState } from '../../../shared/api/sync';
import { call } from '../../bridge/client';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStatus';
import type { QueryState } from '../../data/use-query';
import { downloadBase64 } from '../../download';
import { notifyError, notifySuccess } from '../../errors';
import { formatDateTime } from '../../format';
import { AddPeerModal } from './AddPeerModal';
import { UnitName } from './Facts';
import { Fingerprint } from './Fingerprint';

interface Props {
  peers: QueryState<Peer[]>;
  /** per peer, from the sync status: what waits to go to it */
  states: PeerSyncState[] | undefined;
  /** add, revoke, export (sync.manage) */
  manage: boolean;
  /** after a peer was added, revoked or sent a bundle: peers are local rows, no data.changed tells */
  onChanged: () => void;
}

/** The nodes this one exchanges bundles with, and what can be done with each. */
export function PeersCard({ peers, states, manage, onChanged }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  // the peer stays set while the dialog closes, so that its title does not change on the way out
  const [revoking, setRevoking] = useState<Peer | null>(null);
  const [revokeOpen, setRevokeOpen] = useState(false);

  const waiting = new Map((states ?? []).map((s) => [s.nodeId, s.waiting]));
  let body;
  if (peers.error && !peers.data) body = <ErrorState error={peers.error} onRetry={peers.reload} />;
  else if (!peers.data) body = <LoadingState />;
  else if (peers.data.length === 0) body = <EmptyState message={t('ui.sync.peers.empty')} />;
  else
    body = (
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={6} data-testid="peers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.sync.peers.columns.name')}</Table.Th>
              <Table.Th>{t('ui.sync.peers.columns.scope')}</Table.Th>
              <Table.Th>{t('ui.sync.peers.columns.state')}</Table.Th>
              <Table.Th>{t('ui.sync.peers.columns.fingerprint')}</Table.Th>
              <Table.Th>{t('ui.sync.peers.columns.lastIn')}</Table.Th>
              <Table.Th>{t('ui.sync.peers.columns.lastOut')}</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('ui.sync.peers.columns.waiting')}</Table.Th>
              {manage && <Table.Th>{t('ui.sync.peers.columns.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {peers.data.map((peer) => (
              <PeerRow key={peer.nodeId} peer={peer} waiting={waiting.get(peer.nodeId)} manage={manage} onExported={onChanged} onRevoke={() => {
                  setRevoking(peer);
                  setRevokeOpen(true);
                }} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Paper withBorder p="sm" data-testid="sync-peers">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('ui.sync.peers.title')}
        </Title>
        {manage && (
          <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="peer-add">
            {t('ui.sync.peers.add')}
          </Button>
        )}
      </Group>
      {body}
      {manage && <AddPeerModal opened={adding} onClose={() => setAdding(false)} onAdded={onChanged} />}
      {manage && <RevokeModal opened={revokeOpen} peer={revoking} onClose={() => setRevokeOpen(false)} onRevoked={onChanged} />}
    </Paper>
  );
}

function PeerRow({ peer, waiting, manage, onRevoke, onExported }: { peer: Peer; waiting: number | undefined; manage: boolean; onRevoke: () => void; onExported: () => void }) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const active = peer.state === 'active';
  const when = (at: string | null) => (at ? formatDateTime(at, { seconds: false }) : t('ui.common.none'));

  async function exportBundle() {
    setExporting(true);
    try {
      const bundle = await call(api.sync.exportBundle, { peerId: peer.nodeId });
      downloadBase64(bundle.fileName, bundle.bytesBase64, 'application/octet-stream');
      notifySuccess(t('ui.sync.peers.exported', { file: bundle.fileName, operations: bundle.operations, audit: bundle.audit }));
      onExported();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Table.Tr data-testid="peer-row" data-node-id={peer.nodeId} data-state={peer.state}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {peer.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ui.sync.peers.unitCode', { code: peer.unitCode })}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {peer.nodeId}
        </Text>
      </Table.Td>
      <Table.Td>
        <UnitName name={peer.scopeName} code={peer.scopeCode} />
      </Table.Td>
      <Table.Td>
        {/* a badge's label gives way to an ellipsis in a tight column: the state must be read whole */}
        <Badge color={active ? 'green' : 'gray'} variant="light" styles={{ label: { overflow: 'visible' } }} data-testid="peer-state">
          {t(`sync.peerState.${peer.state}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Fingerprint value={peer.fingerprint} size="xs" testId="peer-fingerprint" />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="peer-last-in">
        {when(peer.lastBundleIn)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="peer-last-out">
        {when(peer.lastBundleOut)}
      </Table.Td>
      <Table.Td ta="right" data-testid="peer-waiting">
        {active && waiting !== undefined ? waiting : t('ui.common.none')}
      </Table.Td>
      {manage && (
        <Table.Td>
          {active && (
            <Group gap={6} wrap="nowrap">
              <Button size="compact-xs" variant="light" leftSection={<IconFileExport size={14} />} loading={exporting} onClick={() => void exportBundle()} data-testid="peer-export">
                {t('ui.sync.peers.export')}
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconUserOff size={14} />} onClick={onRevoke} data-testid="peer-revoke">
                {t('ui.sync.peers.revoke')}
              </Button>
            </Group>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Revoking cannot be undone with the same keys, so it is asked for twice. */
function RevokeModal({ opened, peer, onClose, onRevoked }: { opened: boolean; peer: Peer | null; onClose: () => void; onRevoked: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function revoke() {
    if (!peer) return;
    setBusy(true);
    try {
      await call(api.sync.revokePeer, { nodeId: peer.nodeId });
      notifySuccess(t('ui.sync.peers.revoked', { name: peer.name }));
      onRevoked();
      onClose();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened && peer !== null} onClose={onClose} title={peer ? t('ui.sync.peers.revokeTitle', { name: peer.name }) : ''} closeButtonProps={{ 'aria-label': t('ui.common.close') }}>
      <Stack gap="md" data-testid="revoke-dialog">
        <Text size="sm">{t('ui.sync.peers.revokeBody')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('ui.common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void revoke()} data-testid="revoke-confirm">
            {t('ui.sync.peers.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
