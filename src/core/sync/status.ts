/** The sync state a status bar and the sync screen show: this node, its peers, the relay. */
import type { RelayStatus, SyncStatus } from '../../shared/api/sync';
import type { Context } from '../api/context';
import { waitingFor } from './exchange';
import { requireIdentity } from './identity';
import { listPeers } from './peers';

const NO_RELAY: RelayStatus = { url: null, state: 'disabled', lastSync: null, nextAttempt: null };

export function syncStatus(ctx: Context, relay: RelayStatus = NO_RELAY): SyncStatus {
  const identity = requireIdentity(ctx.db, ctx.nodeId);
  const peers = listPeers(ctx.db, ctx.caller.scope).map((peer) => {
    let waiting = 0;
    if (peer.state === 'active') {
      waiting = waitingFor(ctx, peer.nodeId);
    }
    return { nodeId: peer.nodeId, name: peer.name, state: peer.state, scopeCode: peer.scopeCode, lastBundleIn: peer.lastBundleIn, lastBundleOut: peer.lastBundleOut, waiting };
  });
  return { nodeId: identity.nodeId, unitCode: identity.unitCode, suite: identity.suite, peers, relay };
}
