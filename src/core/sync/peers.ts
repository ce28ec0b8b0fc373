/**
 * The nodes this one exchanges bundles with (sync_peers): added from an identity file after the
 * administrator compared its fingerprint by phone, each with the unit whose subtree is all it may
 * receive, and revoked when it is no longer trusted. Nothing is ever deleted.
 *
 * A revoked peer comes back only with new keys: its old identity file (the one still lying on
 * the shared drive, or keys that were the reason to revoke) is refused with SYNC_PEER_REVOKED.
 * Added again with new keys, the same row is reinstated; the audit trail keeps the revocation.
 */
import { eq, sql } from 'drizzle-orm';
import type { Peer, PeerState, SyncSuite } from '../../shared/api/sync';
import type { Scope } from '../api/caller';
import type { Context } from '../api/context';
import { AppError } from '../api/errors';
import { shanghaiTimestamp } from '../api/time';
import { requireInScope, scopeCondition } from '../auth/scope';
import type { Db } from '../db/open';
import { orgUnits, syncPeers } from '../db/schema';
import { checkIdentityFile, ensureIdentity, fromBase64, toBase64 } from './identity';
import type { SuiteId } from './crypto/suite';

/** A peer the bundle code may talk to: its keys decoded. */
export interface TrustedPeer {
  nodeId: string;
  suite: SuiteId;
  signingPublic: Uint8Array;
  encryptionPublic: Uint8Array;
  scopeCode: string;
}

const peerColumns = {
  nodeId: syncPeers.nodeId,
  name: syncPeers.name,
  unitCode: syncPeers.unitCode,
  suite: sql<SyncSuite>`${syncPeers.suite}`,
  fingerprint: syncPeers.fingerprint,
  scopeCode: syncPeers.scopeCode,
  scopeName: orgUnits.name,
  state: sql<PeerState>`CASE WHEN ${syncPeers.revokedAt} IS NULL THEN 'active' ELSE 'revoked' END`,
  addedAt: syncPeers.addedAt,
  addedBy: syncPeers.addedBy,
  addedByName: sql<string | null>`(SELECT display_name FROM users WHERE id = ${syncPeers.addedBy})`,
  revokedAt: syncPeers.revokedAt,
  revokedBy: syncPeers.revokedBy,
  revokedByName: sql<string | null>`(SELECT display_name FROM users WHERE id = ${syncPeers.revokedBy})`,
  lastBundleIn: sql<string | null>`(SELECT max(at) FROM sync_bundles WHERE direction = 'in' AND peers = ${syncPeers.nodeId})`,
  // an outgoing bundle names its recipients comma-separated
  lastBundleOut: sql<string | null>`(SELECT max(at) FROM sync_bundles WHERE direction = 'out' AND instr(',' || peers || ',', ',' || ${syncPeers.nodeId} || ',') > 0)`,
  scopeUnitId: orgUnits.id,
};

function selectPeers(db: Db) {
  return db.select(peerColumns).from(syncPeers).leftJoin(orgUnits, eq(orgUnits.code, syncPeers.scopeCode));
}

function toPeer(row: Awaited<ReturnType<ReturnType<typeof selectPeers>['all']>>[number]): Peer {
  const { scopeUnitId: _unit, ...peer } = row;
  return peer;
}

/** The peers whose scope unit is in the caller's scope (all of them for the root's users), by name. */
export function listPeers(db: Db, scope: Scope): Peer[] {
  return selectPeers(db).where(scopeCondition(scope, orgUnits.id)).orderBy(syncPeers.name, syncPeers.nodeId).all().map(toPeer);
}

function findPeer(db: Db, nodeId: string) {
  return selectPeers(db).where(eq(syncPeers.nodeId, nodeId)).get();
}

/**
 * Adds (or reinstates with new keys) a peer from its identity file, to receive the subtree of
 * the unit `scopeCode`, which must be in the caller's scope.
 */
export function addPeer(ctx: Context, input: { identity: unknown; scopeCode: string }): Peer {
  const { file } = checkIdentityFile(input.identity);
  const own = ensureIdentity(ctx);
  const ownKeys = [own.signing.publicKey, own.encryption.publicKey].map(toBase64);
  if (file.nodeId === own.nodeId || ownKeys.includes(file.signingPublic) || ownKeys.includes(file.encryptionPublic)) {
    throw new AppError('SYNC_PEER_IS_SELF');
  }
  if (file.suite !== own.suite) throw new AppError('SYNC_SUITE_MISMATCH', { suite: file.suite, ours: own.suite });
  ctx.write(
    (w) => {
      const unit = w.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, input.scopeCode)).get();
      if (!unit) throw new AppError('UNIT_NOT_FOUND', { unit: input.scopeCode });
      requireInScope(ctx.caller.scope, unit.id);
      const values = {
        name: file.unitName,
        unitCode: file.unitCode,
        suite: file.suite,
        signingPublic: file.signingPublic,
        encryptionPublic: file.encryptionPublic,
        fingerprint: file.fingerprint,
        scopeCode: input.scopeCode,
        addedAt: shanghaiTimestamp(ctx.now()),
        addedBy: ctx.caller.userId ?? ctx.caller.actor,
        revokedAt: null,
        revokedBy: null,
      };
      const existing = w.db.select().from(syncPeers).where(eq(syncPeers.nodeId, file.nodeId)).get();
      if (!existing) {
        w.db.insert(syncPeers).values({ nodeId: file.nodeId, ...values }).run();
        return 'added';
      }
      if (existing.revokedAt === null) throw new AppError('SYNC_PEER_EXISTS', { nodeId: file.nodeId });
      if (existing.signingPublic === file.signingPublic || existing.encryptionPublic === file.encryptionPublic) {
        throw new AppError('SYNC_PEER_REVOKED', { nodeId: file.nodeId });
      }
      w.db.update(syncPeers).set(values).where(eq(syncPeers.nodeId, file.nodeId)).run();
      return 'reinstated with new keys';
    },
    (result) => ({ peer: file.nodeId, unit: file.unitCode, scope: input.scopeCode, fingerprint: file.fingerprint, outcome: result }),
  );
  return toPeer(findPeer(ctx.db, file.nodeId)!);
}

/** Revokes a peer in the caller's scope; revoking a revoked peer changes nothing. */
export function revokePeer(ctx: Context, nodeId: string): Peer {
  const peer = findPeer(ctx.db, nodeId);
  if (!peer) throw new AppError('SYNC_PEER_UNKNOWN', { nodeId });
  requireInScope(ctx.caller.scope, peer.scopeUnitId);
  if (peer.state === 'revoked') return toPeer(peer);
  ctx.write(
    (w) => {
      w.db
        .update(syncPeers)
        .set({ revokedAt: shanghaiTimestamp(ctx.now()), revokedBy: ctx.caller.userId ?? ctx.caller.actor })
        .where(eq(syncPeers.nodeId, nodeId))
        .run();
    },
    () => ({ peer: nodeId, revoked: true }),
  );
  return toPeer(findPeer(ctx.db, nodeId)!);
}

/**
 * The peer a bundle comes from or goes to, with its keys: SYNC_PEER_UNKNOWN for a node that is
 * not a peer, SYNC_PEER_REVOKED for a revoked one.
 */
export function requireTrustedPeer(db: Db, nodeId: string): TrustedPeer {
  const row = db.select().from(syncPeers).where(eq(syncPeers.nodeId, nodeId)).get();
  if (!row) throw new AppError('SYNC_PEER_UNKNOWN', { nodeId });
  if (row.revokedAt !== null) throw new AppError('SYNC_PEER_REVOKED', { nodeId });
  return {
    nodeId: row.nodeId,
    suite: row.suite as SuiteId,
    signingPublic: fromBase64(row.signingPublic),
    encryptionPublic: fromBase64(row.encryptionPublic),
    scopeCode: row.scopeCode,
  };
}
