/**
 * A peer's scope: the unit its scope code names and every unit below it. Nothing outside it
 * enters the peer's bundles. A row's unit is judged on its current state here (so all of a
 * case's operations travel together, old ones included, wherever the case sits now).
 */
import type Database from 'better-sqlite3';
import type { AuditRecord, ColumnValue, Operation } from '../operations';
import { quoted } from './schema-info';
import { syncedTable } from './tables';

export interface ScopeFilter {
  /** judged by the row it changes, whatever the change */
  operation(op: Pick<Operation, 'table' | 'row'>): boolean;
  /** `originUnitCode`: the unit of the node that wrote the entry (originUnits); undefined if unknown */
  audit(entry: AuditRecord, originUnitCode: string | undefined): boolean;
}

/** The units of a scope, or all of them for the root unit's scope (the city's). */
function scopeUnits(sqlite: Database.Database, scopeCode: string): { all: boolean; ids: Set<string> } {
  const root = sqlite.prepare('SELECT id, parent_id AS parentId FROM org_units WHERE code = ?').get(scopeCode) as
    | { id: string; parentId: string | null }
    | undefined;
  if (!root) return { all: false, ids: new Set() };
  if (root.parentId === null) return { all: true, ids: new Set() };
  const ids = sqlite
    .prepare('WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT u.id FROM org_units u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub')
    .pluck()
    .all(root.id) as string[];
  return { all: false, ids: new Set(ids) };
}

/** One per bundle: it remembers the units of the rows it has judged, as they are now. */
export function scopeFilter(sqlite: Database.Database, scopeCode: string): ScopeFilter {
  const units = scopeUnits(sqlite, scopeCode);
  if (units.all) return { operation: (op) => syncedTable(op.table) !== undefined, audit: () => true };

  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = sqlite.prepare(sql)));
    return s;
  };
  /** A column of a row as it is stored here, or else as its latest operation set it (a row held back or deleted). */
  const columnOf = (table: string, id: string, column: string): ColumnValue | undefined => {
    const stored = statement(`SELECT ${quoted(column)} FROM ${quoted(table)} WHERE id = ?`).pluck().get(id) as ColumnValue | undefined;
    if (stored !== undefined) return stored;
    const logged = statement('SELECT columns FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc DESC').pluck().all(table, id) as string[];
    for (const json of logged) {
      const columns = JSON.parse(json) as Record<string, ColumnValue>;
      if (column in columns) return columns[column];
    }
    return undefined;
  };
  // a bundle names the same case or hit many times
  const owners = new Map<string, string | null>();
  /** The unit a row belongs to; null for none (unassigned, or not known here). */
  const ownerUnit = (tableName: string, id: string): string | null => {
    const key = `${tableName}\u0000${id}`;
    if (owners.has(key)) return owners.get(key)!;
    const owner = syncedTable(tableName)!.owner;
    let unit: string | null = null;
    if (owner.kind === 'unit') unit = (columnOf(tableName, id, owner.column) as string | null | undefined) ?? null;
    else if (owner.kind === 'parent') {
      const parent = columnOf(tableName, id, owner.column) as string | null | undefined;
      unit = parent ? ownerUnit(owner.table, parent) : null;
    }
    owners.set(key, unit);
    return unit;
  };

  return {
    operation(op) {
      const table = syncedTable(op.table);
      if (!table) return false;
      if (table.owner.kind === 'shared') return true;
      const unit = ownerUnit(op.table, op.row);
      return unit !== null && units.ids.has(unit);
    },
    audit(_entry, originUnitCode) {
      if (originUnitCode === undefined) return false;
      const unit = statement('SELECT id FROM org_units WHERE code = ?').pluck().get(originUnitCode) as string | undefined;
      return unit !== undefined && units.ids.has(unit);
    },
  };
}

/** Node id → its unit's code, for the nodes this one knows: itself and its peers. */
export function originUnits(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite
    .prepare('SELECT node_id AS nodeId, unit_code AS unitCode FROM sync_peers UNION ALL SELECT node_id, unit_code FROM sync_identity')
    .all() as { nodeId: string; unitCode: string }[];
  return new Map(rows.map((r) => [r.nodeId, r.unitCode]));
}
