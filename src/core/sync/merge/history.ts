/**
 * A row that comes into a peer's scope (a hit assigned to its county, a case moved to it) brings
 * its whole history, and that of the rows hanging off it: the peer's knowledge vector passed
 * their earlier operations while they were outside its scope, so they never went. Sent again to
 * a peer that has them, they are duplicates, which change nothing.
 */
import type Database from 'better-sqlite3';
import type { Operation } from '../operations';
import { fromLog, OPERATION_COLUMNS, type LoggedOperation } from './log';
import { quoted } from './schema-info';
import { SYNCED_TABLES, syncedTable } from './tables';

/** `selected`: operations in the peer's scope; returns them with the histories they bring. */
export function withHistories(sqlite: Database.Database, selected: Operation[]): Operation[] {
  const sending = new Set(selected.map((o) => o.hlc));
  const visited = new Set<string>();
  const extra: Operation[] = [];
  const history = sqlite.prepare(`SELECT ${OPERATION_COLUMNS} FROM change_log WHERE table_name = ? AND row_id = ?`);
  const children = new Map(
    SYNCED_TABLES.flatMap((child) =>
      child.owner.kind === 'parent'
        ? [[child.name, { parent: child.owner.table, ids: sqlite.prepare(`SELECT id FROM ${quoted(child.name)} WHERE ${quoted(child.owner.column)} = ?`).pluck() }] as const]
        : [],
    ),
  );
  const visit = (table: string, id: string) => {
    if (visited.has(`${table}\u0000${id}`)) return;
    visited.add(`${table}\u0000${id}`);
    for (const row of history.all(table, id) as LoggedOperation[]) {
      if (sending.has(row.hlc)) continue;
      sending.add(row.hlc);
      extra.push(fromLog(row));
    }
    for (const [name, child] of children) {
      if (child.parent === table) for (const childId of child.ids.all(id) as string[]) visit(name, childId);
    }
  };
  for (const op of selected) {
    const owner = syncedTable(op.table)?.owner;
    // an insert or a change of the row's unit: the moments a row can enter a scope
    if (owner?.kind === 'unit' && owner.column in op.columns) visit(op.table, op.row);
  }
  return extra.length === 0 ? selected : [...selected, ...extra];
}
