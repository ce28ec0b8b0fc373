import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  id: string;
  nodeId: string;
  at: string;
  hlc: string;
  actor: string;
  procedure: string;
  rows: string;
  summary: string;
}

/** Each entry's hash covers its fields and the previous hash, so editing any entry breaks the chain. */
export function auditHash(prevHash: string, fields: AuditFields): string {
  const canonical = JSON.stringify([prevHash, fields.id, fields.nodeId, fields.at, fields.hlc, fields.actor, fields.procedure, fields.rows, fields.summary]);
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}
