/**
 * A node restored from a backup is the same node, behind: what it made after the backup and had
 * sent is held by its peers, but its knowledge vector (its latest stamp of its own origin, soon
 * newer than all of that) would say it holds it. So the restore leaves a floor: to each peer the
 * node says it holds its own operations only up to the backup's latest stamp, and the peer sends
 * back everything of this node above it. Once a peer answers with a bundle made after applying
 * one of those (its header `acks` names it), that peer has sent all it had, and the node tells it
 * the truth again; when every active peer has, the floor goes.
 */
import type Database from 'better-sqlite3';
import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { meta, syncBundles, syncPeers } from '../db/schema';
import type { KnowledgeVector } from './operations';
import { ownVector } from './merge';

const KEY = 'sync_restored';

interface RestoredState {
  /** this node's latest stamp in the backup */
  floor: string;
  /** when the backup went in (Asia/Shanghai timestamp): bundles made since carry the floor */
  at: string;
  /** peers that answered a bundle made since */
  caughtUp: string[];
}

function read(db: Db): RestoredState | null {
  const row = db.select({ value: meta.value }).from(meta).where(eq(meta.key, KEY)).get();
  return row ? (JSON.parse(row.value) as RestoredState) : null;
}

/**
 * Marks a restored database (keyed connection, before anyone uses it): its own latest stamp is
 * the floor. A database that never stamped anything needs none.
 */
export function markRestored(sqlite: Database.Database, at: string): void {
  // a backup from before sync: no node has anything of it
  if (!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sync_identity'").get()) return;
  const node = sqlite.prepare("SELECT value FROM meta WHERE key = 'node_id'").pluck().get() as string | undefined;
  const floor = node ? ownVector(sqlite)[node] : undefined;
  if (!floor) return;
  const state: RestoredState = { floor, at, caughtUp: [] };
  sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(state));
}

/** Whether the peer has yet to send back what it holds of this node since the restore. */
export function owedSinceRestore(db: Db, peerId: string): boolean {
  const state = read(db);
  return state !== null && !state.caughtUp.includes(peerId);
}

/** The vector to tell a peer: this node's, with its own origin at the floor until the peer caught up. */
export function vectorFor(sqlite: Database.Database, db: Db, nodeId: string, peerId: string): KnowledgeVector {
  const vector = ownVector(sqlite);
  const state = read(db);
  if (state && !state.caughtUp.includes(peerId) && vector[nodeId] && vector[nodeId] > state.floor) vector[nodeId] = state.floor;
  return vector;
}

/**
 * After applying a peer's bundle: if it acknowledges a bundle this node made since the restore,
 * the peer has sent back all it held of this node; the floor goes once every active peer has.
 */
export function noteAcknowledged(db: Db, peerId: string, acknowledged: string | undefined): void {
  const state = read(db);
  if (!state || !acknowledged || state.caughtUp.includes(peerId)) return;
  const since = db
    .select({ id: syncBundles.id })
    .from(syncBundles)
    .where(and(eq(syncBundles.id, acknowledged), eq(syncBundles.direction, 'out'), gte(syncBundles.at, state.at)))
    .get();
  if (!since) return;
  state.caughtUp.push(peerId);
  const active = db.select({ nodeId: syncPeers.nodeId }).from(syncPeers).where(isNull(syncPeers.revokedAt)).all();
  if (active.every((p) => state.caughtUp.includes(p.nodeId))) db.delete(meta).where(eq(meta.key, KEY)).run();
  else db.update(meta).set({ value: JSON.stringify(state) }).where(eq(meta.key, KEY)).run();
}

/** The latest bundle from the peer applied here, to acknowledge in the next bundle for it. */
export function lastAppliedFrom(db: Db, peerId: string): string | undefined {
  return db
    .select({ id: syncBundles.id })
    .from(syncBundles)
    .where(and(eq(syncBundles.direction, 'in'), eq(syncBundles.peers, peerId)))
    .orderBy(desc(syncBundles.at), desc(syncBundles.id))
    .limit(1)
    .get()?.id;
}
