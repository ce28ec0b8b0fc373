import type { AuditVerification } from '../../shared/api';
import { auditHash, GENESIS_HASH, type AuditFields } from '../api/audit';

export type StoredAuditEntry = AuditFields & { seq: number; prevHash: string; hash: string };

/**
 * Walks each node's chain in order: every entry must link to the hash of the node's previous
 * entry and hash to what it says. The first entry (by seq) where either fails is reported.
 */
export function verifyAuditChain(entries: Iterable<StoredAuditEntry>): AuditVerification {
  const lastHash = new Map<string, string>();
  let count = 0;
  for (const entry of entries) {
    count++;
    const expectedPrev = lastHash.get(entry.nodeId) ?? GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) return { ok: false, entries: count, firstBroken: { seq: entry.seq, reason: 'link' } };
    if (auditHash(entry.prevHash, entry) !== entry.hash) return { ok: false, entries: count, firstBroken: { seq: entry.seq, reason: 'hash' } };
    lastHash.set(entry.nodeId, entry.hash);
  }
  return { ok: true, entries: count, firstBroken: null };
}
