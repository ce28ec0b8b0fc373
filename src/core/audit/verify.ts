import type { AuditVerification } from '../../shared/api';
import { auditHash, GENESIS_HASH, type AuditFields } from '../api/audit';

export type StoredAuditEntry = AuditFields & { seq: number; prevHash: string; hash: string };

/** Whether `hash` is that of an entry of the node stored before `seq`. */
export type EarlierEntry = (nodeId: string, hash: string, beforeSeq: number) => boolean;

/**
 * Walks each node's chain in order: every entry must link to the hash of the node's previous
 * entry and hash to what it says. The first entry (by seq) where either fails is reported.
 *
 * One exception, counted as a fork: an entry may link to an earlier entry of its node than the
 * previous one (`earlier`). A node restored from a backup goes on from the backup's last entry,
 * and the entries it had made after it come back later from its peers, from the same point.
 */
export function verifyAuditChain(entries: Iterable<StoredAuditEntry>, earlier?: EarlierEntry): AuditVerification {
  const lastHash = new Map<string, string>();
  let count = 0;
  let forks = 0;
  for (const entry of entries) {
    count++;
    const expectedPrev = lastHash.get(entry.nodeId) ?? GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) {
      const resumes = entry.prevHash !== GENESIS_HASH && earlier?.(entry.nodeId, entry.prevHash, entry.seq) === true;
      if (!resumes) return { ok: false, entries: count, forks, firstBroken: { seq: entry.seq, reason: 'link' } };
      forks++;
    }
    if (auditHash(entry.prevHash, entry) !== entry.hash) return { ok: false, entries: count, forks, firstBroken: { seq: entry.seq, reason: 'hash' } };
    lastHash.set(entry.nodeId, entry.hash);
  }
  return { ok: true, entries: count, forks, firstBroken: null };
}
