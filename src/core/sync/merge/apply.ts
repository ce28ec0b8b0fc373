/**
 * Applies a bundle's content (already authenticated and validated by the bundle layer) inside
 * the caller's transaction: operations join the change log, audit entries join the trail, and
 * every row they name is materialised again from all of its operations.
 */
import type Database from 'better-sqlite3';
import type { BundleContent } from '../operations';
import { Materialiser } from './materialise';
import { settle } from './settle';
import { syncedTable } from './tables';

export interface ApplyOptions {
  /** the local audit entry of the import, which the new change-log entries point at */
  auditSeq: number;
}

export interface ApplyResult {
  /** operations in the content */
  operations: number;
  /** of them, new here */
  applied: number;
  /** of them, already held (by stamp) */
  duplicates: number;
  /** rows that could not be materialised yet: they wait in the change log (settle.ts) */
  deferred: number;
  /** audit entries new here */
  audit: number;
  /** the highest stamp in the content, for clock.receive; null for empty content */
  latest: string | null;
  /** rows whose stored state changed, for whoever derives from them (case events → case state) */
  changed: { table: string; id: string }[];
}

function later(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}

export function applyContent(sqlite: Database.Database, content: BundleContent, options: ApplyOptions): ApplyResult {
  let latest: string | null = null;
  let applied = 0;
  const touched = new Map<string, Set<string>>();
  // a stamp names one operation everywhere (change_log_hlc is unique): a duplicate adds nothing
  const append = sqlite.prepare(
    'INSERT INTO change_log (hlc, node_id, table_name, row_id, op, columns, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(hlc) DO NOTHING',
  );
  for (const op of content.operations) {
    latest = later(latest, op.hlc);
    if (append.run(op.hlc, op.origin, op.table, op.row, op.op, JSON.stringify(op.columns), options.auditSeq).changes === 0) continue;
    applied++;
    let ids = touched.get(op.table);
    if (!ids) touched.set(op.table, (ids = new Set()));
    ids.add(op.row);
  }

  // oldest first, so that each node's chain is stored in its own order
  const entries = [...content.audit].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const record = sqlite.prepare(
    'INSERT INTO audit_log (id, node_id, at, hlc, actor, procedure, rows, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
  );
  let audit = 0;
  for (const e of entries) {
    latest = later(latest, e.hlc);
    audit += record.run(e.id, e.nodeId, e.at, e.hlc, e.actor, e.procedure, e.rows, e.summary, e.prevHash, e.hash).changes;
  }

  const { deferred, changed } = settle(sqlite, new Materialiser(sqlite), touched);
  return { operations: content.operations.length, applied, duplicates: content.operations.length - applied, deferred, audit, latest, changed: unique(changed) };
}

/**
 * After a migration, in a transaction: materialises again the rows whose operations name a column or table that
 * this schema lacked when they arrived and has now, and forgets those names. Returns the rows
 * whose stored state changed.
 */
export function reapplyDeferred(sqlite: Database.Database): { table: string; id: string }[] {
  const materialiser = new Materialiser(sqlite);
  const names = sqlite.prepare('SELECT table_name AS "table", column_name AS "column" FROM sync_deferred').all() as { table: string; column: string }[];
  const forget = sqlite.prepare('DELETE FROM sync_deferred WHERE table_name = ? AND column_name = ?');
  const touched = new Map<string, Set<string>>();
  for (const { table, column } of names) {
    const facts = materialiser.facts.table(table);
    if (!syncedTable(table) || !facts || (column !== '' && !facts.columns.has(column))) continue;
    const ids =
      column === ''
        ? sqlite.prepare('SELECT DISTINCT row_id FROM change_log WHERE table_name = ?').pluck().all(table)
        : sqlite.prepare('SELECT DISTINCT row_id FROM change_log WHERE table_name = ? AND json_type(columns, ?) IS NOT NULL').pluck().all(table, `$."${column}"`);
    touched.set(table, new Set([...(touched.get(table) ?? []), ...(ids as string[])]));
    forget.run(table, column);
  }
  return unique(settle(sqlite, materialiser, touched).changed);
}

function unique(rows: { table: string; id: string }[]): { table: string; id: string }[] {
  const seen = new Map(rows.map((r) => [`${r.table}\u0000${r.id}`, r]));
  return [...seen.values()];
}
