/**
 * Bundles in and out of this node, whatever carries them (a file, the relay): what goes to a
 * peer is everything its knowledge vector lacks, inside its scope (merge/outgoing.ts); what comes
 * from a peer is checked whole (bundle/open.ts) and then applied in one transaction with the
 * peer's new vector and the bundle's record, so that an import killed midway leaves the database
 * as it was and the same file imports cleanly afterwards.
 */
import type Database from 'better-sqlite3';
import { eq, getTableName } from 'drizzle-orm';
import type { BundleImportResult } from '../../shared/api/sync';
import type { Context } from '../api/context';
import { failpoint } from '../api/failpoint';
import { shanghaiTimestamp } from '../api/time';
import type { Db } from '../db/open';
import { casesSharingNumbers, renumberDuplicates } from '../cases/numbering';
import { projectCase } from '../cases/project';
import { blobs, caseDocuments, caseEvents, cases, orgUnits, syncBundles, syncPeerKnowledge, syncPeers, welfareHitDocuments } from '../db/schema';
import { encodeBundle, openBundle, readBundleHeader, type BundleHeader } from './bundle';
import { suite } from './crypto/suite';
import { ensureIdentity, fromBase64, requireIdentity } from './identity';
import { applyContent, contentFor, pendingCount, reapplyDeferred, scopeFilter } from './merge';
import { lastAppliedFrom, noteAcknowledged, vectorFor } from './restored';
import { requireTrustedPeer } from './peers';
import type { BundleContent, KnowledgeVector } from './operations';

export type Transport = 'file' | 'relay';

export interface ExportedBundle {
  bundleId: string;
  peerId: string;
  operations: number;
  audit: number;
  bytes: Uint8Array;
}


/** What a bundle file says it holds, before anything is applied (not yet authenticated). */
export interface BundlePreview {
  header: BundleHeader;
  senderName: string | null;
  senderState: 'active' | 'revoked' | 'unknown';
  forThisNode: boolean;
  alreadyApplied: boolean;
}

/** The column by which each document table names its file (blobs.sha256): the file travels with the row. */
const FILE_COLUMNS: ReadonlyMap<string, string> = new Map([
  [getTableName(caseDocuments), caseDocuments.sha256.name],
  [getTableName(welfareHitDocuments), welfareHitDocuments.sha256.name],
]);

/** The content with the bytes of every file its document rows name (FORMAT.md, "Files"). */
function withFiles(sqlite: Database.Database, content: BundleContent): BundleContent {
  const hashes = new Set<string>();
  for (const op of content.operations) {
    const column = FILE_COLUMNS.get(op.table);
    const hash = column ? op.columns[column] : undefined;
    if (typeof hash === 'string') hashes.add(hash);
  }
  if (hashes.size === 0) return content;
  const read = sqlite.prepare('SELECT content FROM blobs WHERE sha256 = ?').pluck();
  const files = [...hashes].flatMap((sha256) => {
    const bytes = read.get(sha256) as Buffer | undefined;
    return bytes ? [{ sha256, base64: bytes.toString('base64') }] : [];
  });
  return { ...content, files };
}

/** What the peer's latest bundle said it holds. */
export function peerVector(db: Db, peerId: string): KnowledgeVector {
  const rows = db.select().from(syncPeerKnowledge).where(eq(syncPeerKnowledge.peerId, peerId)).all();
  return Object.fromEntries(rows.map((r) => [r.originId, r.hlc]));
}

/** How many operations wait for the peer (audit entries ride along with them and never wait alone). */
export function waitingFor(ctx: Context, peerId: string): number {
  const peer = requireTrustedPeer(ctx.db, peerId);
  return pendingCount(ctx.sqlite, peerVector(ctx.db, peerId), scopeFilter(ctx.sqlite, peer.scopeCode));
}

function acksFor(db: Db, peerId: string): Record<string, string> {
  const last = lastAppliedFrom(db, peerId);
  return last ? { [peerId]: last } : {};
}

/** A bundle for the peer with everything it lacks in its scope; recorded as made. */
export function exportBundle(ctx: Context, peerId: string, transport: Transport): ExportedBundle {
  const identity = ensureIdentity(ctx);
  const peer = requireTrustedPeer(ctx.db, peerId);
  const content = withFiles(ctx.sqlite, contentFor(ctx.sqlite, peerVector(ctx.db, peerId), scopeFilter(ctx.sqlite, peer.scopeCode)));
  const bytes = encodeBundle({
    suite: suite(identity.suite),
    sender: { nodeId: identity.nodeId, unitCode: identity.unitCode, signingSecret: identity.signing.secretKey },
    recipients: [{ nodeId: peer.nodeId, encryptionPublic: peer.encryptionPublic }],
    vector: vectorFor(ctx.sqlite, ctx.db, identity.nodeId, peer.nodeId),
    acks: acksFor(ctx.db, peer.nodeId),
    content,
    createdAt: shanghaiTimestamp(ctx.now()),
  });
  const header = readBundleHeader(bytes);
  ctx.write(
    (w) =>
      w.db
        .insert(syncBundles)
        .values({ id: header.id, direction: 'out', peers: peer.nodeId, operations: header.operations, bytes: bytes.length, transport, at: header.createdAt })
        .run(),
    () => ({ bundleId: header.id, peer: peer.nodeId, operations: header.operations, audit: header.audit, bytes: bytes.length, transport }),
  );
  return { bundleId: header.id, peerId: peer.nodeId, operations: header.operations, audit: header.audit, bytes };
}

const applied = (db: Db, bundleId: string): boolean =>
  db.select({ id: syncBundles.id }).from(syncBundles).where(eq(syncBundles.id, bundleId)).get() !== undefined;

/** The header of a bundle file and what this node knows of its sender; refuses only what cannot be read at all. */
export function previewBundle(ctx: Context, bytes: Uint8Array): BundlePreview {
  const header = readBundleHeader(bytes);
  const sender = ctx.db.select().from(syncPeers).where(eq(syncPeers.nodeId, header.sender.nodeId)).get();
  return {
    header,
    senderName: sender?.name ?? null,
    senderState: !sender ? 'unknown' : sender.revokedAt === null ? 'active' : 'revoked',
    forThisNode: header.recipients.includes(ctx.nodeId),
    alreadyApplied: applied(ctx.db, header.id),
  };
}

/**
 * Case state and clocks are derived from the events, which travel, and not themselves synced:
 * each node rebuilds them for the cases a bundle changed.
 */
function reprojectCases(db: Db, changed: readonly { table: string; id: string }[], now: Date): void {
  const caseIds = new Set<string>();
  for (const { table, id } of changed) {
    if (table === getTableName(cases)) caseIds.add(id);
    else if (table === getTableName(caseEvents)) {
      const event = db.select({ caseId: caseEvents.caseId }).from(caseEvents).where(eq(caseEvents.id, id)).get();
      if (event) caseIds.add(event.caseId);
    }
  }
  for (const caseId of caseIds) if (db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).get()) projectCase(db, caseId, now);
}

/**
 * Applies what arrived for columns or tables this version lacked, once an upgrade has added
 * them (at the first unlock after migrations); one transaction.
 */
export function applyDeferred(sqlite: Database.Database, db: Db, now: Date): number {
  const deferred = sqlite.prepare('SELECT count(*) FROM sync_deferred').pluck().get() as number;
  if (deferred === 0) return 0;
  return sqlite.transaction(() => {
    const changed = reapplyDeferred(sqlite);
    reprojectCases(db, changed, now);
    return changed.length;
  })();
}

/**
 * The unit a peer works for is what its latest bundle says (signed; sync.setNodeUnit there), so
 * a county's node that names its county after being added is known here as the county's.
 */
function followSenderUnit(db: Db, sender: BundleHeader['sender']): void {
  const peer = db.select({ unitCode: syncPeers.unitCode }).from(syncPeers).where(eq(syncPeers.nodeId, sender.nodeId)).get();
  if (!peer || peer.unitCode === sender.unitCode) return;
  const unit = db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, sender.unitCode)).get();
  db.update(syncPeers)
    .set({ unitCode: sender.unitCode, ...(unit ? { name: unit.name } : {}) })
    .where(eq(syncPeers.nodeId, sender.nodeId))
    .run();
}

/**
 * Checks the bundle whole (structure, sender, signature, recipient, content), then applies it in
 * one transaction. A bundle applied before changes nothing (replayed: true).
 */
export function importBundle(ctx: Context, bytes: Uint8Array, transport: Transport): BundleImportResult {
  const identity = requireIdentity(ctx.db, ctx.nodeId);
  const { header, content } = openBundle(bytes, { nodeId: identity.nodeId, encryptionSecret: identity.encryption.secretKey, encryptionPublic: identity.encryption.publicKey }, (nodeId) => {
    const row = ctx.db.select().from(syncPeers).where(eq(syncPeers.nodeId, nodeId)).get();
    return row ? { signingPublic: fromBase64(row.signingPublic), suite: row.suite, revoked: row.revokedAt !== null } : null;
  });
  const outcome = { bundleId: header.id, senderId: header.sender.nodeId, operations: header.operations, audit: 0, applied: 0, duplicates: 0, deferred: 0 };
  if (applied(ctx.db, header.id)) return { ...outcome, replayed: true, duplicates: header.operations };
  const result = ctx.write(
    (w) => {
      // the bundle may have been applied meanwhile by another process on this database
      if (applied(w.db, header.id)) return null;
      for (const file of content.files ?? []) {
        const bytes = Buffer.from(file.base64, 'base64');
        w.db.insert(blobs).values({ sha256: file.sha256, content: bytes, size: bytes.length }).onConflictDoNothing().run();
      }
      const merged = applyContent(ctx.sqlite, content, { auditSeq: w.pendingAuditSeq() });
      followSenderUnit(w.db, header.sender);
      noteAcknowledged(w.db, header.sender.nodeId, header.acks?.[identity.nodeId]);
      w.db.delete(syncPeerKnowledge).where(eq(syncPeerKnowledge.peerId, header.sender.nodeId)).run();
      const vector = Object.entries(header.vector).map(([originId, hlc]) => ({ peerId: header.sender.nodeId, originId, hlc }));
      if (vector.length > 0) w.db.insert(syncPeerKnowledge).values(vector).run();
      w.db
        .insert(syncBundles)
        .values({ id: header.id, direction: 'in', peers: header.sender.nodeId, operations: header.operations, bytes: bytes.length, transport, at: shanghaiTimestamp(ctx.now()) })
        .run();
      reprojectCases(w.db, merged.changed, ctx.now());
      // offices may have numbered one unit's cases alike while apart; a new number must sort after what arrived
      if (merged.latest) w.receive(merged.latest);
      // every shared number, not only this bundle's: cases held back before numbers could be shared
      // arrive at the first unlock after the upgrade (applyDeferred), where nothing renumbers
      const renumbered = renumberDuplicates(w, casesSharingNumbers(w.db), ctx.now());
      failpoint('sync.apply');
      return { ...merged, renumbered };
    },
    (merged) => ({
      bundleId: header.id,
      sender: header.sender.nodeId,
      transport,
      ...(merged ? { applied: merged.applied, duplicates: merged.duplicates, deferred: merged.deferred, audit: merged.audit } : { replayed: true }),
      ...(merged && merged.renumbered.length > 0 ? { renumbered: merged.renumbered } : {}),
    }),
  );
  if (!result) return { ...outcome, replayed: true, duplicates: header.operations };
  const tables = [...new Set(result.changed.map((c) => c.table))];
  if (tables.length > 0) ctx.emit('data.changed', { tables });
  return { ...outcome, replayed: false, applied: result.applied, duplicates: result.duplicates, deferred: result.deferred, audit: result.audit };
}
