/**
 * This node's knowledge vector: for each origin, the latest stamp held here, over operations
 * and audit entries alike (both travel under the same vector).
 */
import type Database from 'better-sqlite3';
import type { KnowledgeVector } from '../operations';

export function ownVector(sqlite: Database.Database): KnowledgeVector {
  // per table first, so that each max is read off the (node_id, hlc) index
  const rows = sqlite
    .prepare(
      `SELECT node_id AS origin, max(hlc) AS hlc FROM (
         SELECT node_id, max(hlc) AS hlc FROM change_log GROUP BY node_id
         UNION ALL SELECT node_id, max(hlc) AS hlc FROM audit_log GROUP BY node_id
       ) GROUP BY node_id`,
    )
    .all() as { origin: string; hlc: string }[];
  return Object.fromEntries(rows.map((r) => [r.origin, r.hlc]));
}
