/**
 * Materialises a set of rows, and every row still held back from earlier: parents before
 * children, and again while a pass makes progress, so that the order operations arrived in
 * does not matter.
 */
import type Database from 'better-sqlite3';
import type { Materialiser } from './materialise';
import type { RowOperation } from './row-state';
import { quoted } from './schema-info';
import { SYNCED_TABLES, syncedTable, type SyncedTable } from './tables';

export interface Settled {
  /** rows that could not be written yet (see Outcome) or were taken out, and rows of tables this schema lacks */
  deferred: number;
  /** rows whose stored state changed */
  changed: { table: string; id: string }[];
}

interface Candidate {
  table: SyncedTable & { order: number };
  id: string;
  operations: RowOperation[];
}

/**
 * Rows held back by an earlier apply, found again rather than remembered: rows with an insert
 * but no stored row (a referred row was missing, or a unique key taken, when they were last
 * tried), and stored rows with a deletion (one that rows referring to them held up).
 */
function heldBefore(sqlite: Database.Database, table: SyncedTable): string[] {
  const t = quoted(table.name);
  const absent = `SELECT c.row_id FROM change_log c WHERE c.table_name = ? AND c.op = 'insert' AND NOT EXISTS (SELECT 1 FROM ${t} r WHERE r.id = c.row_id)`;
  const undeleted = `SELECT c.row_id FROM change_log c WHERE c.table_name = ? AND c.op = 'delete' AND EXISTS (SELECT 1 FROM ${t} r WHERE r.id = c.row_id)`;
  if (table.merge === 'append') return sqlite.prepare(absent).pluck().all(table.name) as string[];
  return sqlite.prepare(`${absent} UNION ${undeleted}`).pluck().all(table.name, table.name) as string[];
}

/** `touched`: table name → ids of rows that new operations name. */
export function settle(sqlite: Database.Database, materialiser: Materialiser, touched: ReadonlyMap<string, ReadonlySet<string>>): Settled {
  const candidates = new Map<string, { table: SyncedTable & { order: number }; id: string }>();
  const add = (table: SyncedTable & { order: number }, id: string) => candidates.set(`${table.name}\u0000${id}`, { table, id });
  let deferred = 0;
  for (const [name, ids] of touched) {
    const table = syncedTable(name);
    if (table) for (const id of ids) add(table, id);
    else if (!materialiser.facts.table(name)) {
      // a table of a newer version: its operations wait in the change log for the upgrade
      materialiser.noteMissing(name, '');
      deferred += ids.size;
    }
    // an existing table that is not synced is local to its node: never written from outside
  }
  for (const table of SYNCED_TABLES) for (const id of heldBefore(sqlite, table)) add(syncedTable(table.name)!, id);

  let queue: Candidate[] = [...candidates.values()]
    .map((c) => ({ ...c, operations: materialiser.operations(c.table.name, c.id) }))
    .sort((a, b) => a.table.order - b.table.order || compare(a.operations[0]?.hlc ?? '', b.operations[0]?.hlc ?? ''));
  let progress = true;
  while (queue.length > 0 && progress) {
    progress = false;
    const again: Candidate[] = [];
    for (const candidate of queue) {
      const outcome = materialiser.materialise(candidate.table, candidate.id, candidate.operations);
      if (outcome === 'held') again.push(candidate);
      else if (outcome === 'waiting') deferred++;
      else if (outcome !== 'unchanged') progress = true;
    }
    queue = again;
  }
  deferred += queue.length + materialiser.takenOut;

  const note = sqlite.prepare('INSERT INTO sync_deferred (table_name, column_name) VALUES (?, ?) ON CONFLICT DO NOTHING');
  for (const { table, column } of materialiser.missing.values()) note.run(table, column);
  return { deferred, changed: materialiser.changed };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
