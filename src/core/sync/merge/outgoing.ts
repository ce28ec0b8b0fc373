/**
 * What a peer is missing: every operation and audit entry whose stamp is above the peer's
 * knowledge of its origin, and that is in the peer's scope, oldest first; with the history of
 * any row that has just come into its scope (history.ts).
 */
import type Database from 'better-sqlite3';
import type { AuditRecord, BundleContent, Operation } from '../operations';
import { withHistories } from './history';
import { ownVector } from './knowledge';
import { fromLog, OPERATION_COLUMNS, type LoggedOperation } from './log';
import { originUnits, type ScopeFilter } from './scope';

const byStamp = (a: { hlc: string }, b: { hlc: string }) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);

/**
 * `peerVector`: what the peer said it holds (an origin it did not name: nothing of it).
 * `unitOf`: each origin node's unit code, for the audit entries' scope (default: this node's
 * identity and its peers).
 */
export function contentFor(
  sqlite: Database.Database,
  peerVector: Readonly<Record<string, string>>,
  filter: ScopeFilter,
  unitOf: ReadonlyMap<string, string> = originUnits(sqlite),
): BundleContent {
  // one range read per origin on the (node_id, hlc) indexes
  const operationsAfter = sqlite.prepare(`SELECT ${OPERATION_COLUMNS} FROM change_log WHERE node_id = ? AND hlc > ?`);
  const auditAfter = sqlite.prepare(
    `SELECT id, node_id AS nodeId, at, hlc, actor, procedure, rows, summary, prev_hash AS prevHash, hash
     FROM audit_log WHERE node_id = ? AND hlc > ?`,
  );
  const operations: Operation[] = [];
  const audit: AuditRecord[] = [];
  for (const [origin, held] of Object.entries(ownVector(sqlite))) {
    const known = peerVector[origin] ?? '';
    if (known >= held) continue;
    for (const row of operationsAfter.all(origin, known) as LoggedOperation[]) {
      const op = fromLog(row);
      if (filter.operation(op)) operations.push(op);
    }
    for (const entry of auditAfter.all(origin, known) as AuditRecord[]) {
      if (filter.audit(entry, unitOf.get(entry.nodeId))) audit.push(entry);
    }
  }
  return { operations: withHistories(sqlite, operations).sort(byStamp), audit: audit.sort(byStamp) };
}

/**
 * How many of this node's logged operations a peer is missing, in its scope: what the status bar
 * shows as waiting. Counts rows of the log without reading their columns, so that asking after
 * every change stays cheap with a long backlog. A bundle may carry more: the history of rows that
 * have just come into the peer's scope.
 */
export function pendingCount(sqlite: Database.Database, peerVector: Readonly<Record<string, string>>, filter: ScopeFilter): number {
  const changesAfter = sqlite.prepare('SELECT table_name AS "table", row_id AS row FROM change_log WHERE node_id = ? AND hlc > ?');
  let count = 0;
  for (const [origin, held] of Object.entries(ownVector(sqlite))) {
    const known = peerVector[origin] ?? '';
    if (known >= held) continue;
    for (const change of changesAfter.iterate(origin, known) as Iterable<{ table: string; row: string }>) if (filter.operation(change)) count += 1;
  }
  return count;
}
