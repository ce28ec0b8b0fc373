/**
 * Migrations are additive only: old clients keep syncing with new ones, so a table or column
 * that has shipped is never dropped, renamed, retyped or made stricter. These checks compare
 * drizzle-kit snapshots (migrations/meta/NNNN_snapshot.json).
 */
export interface SnapshotColumn {
  name: string;
  type: string;
  primaryKey: boolean;
  notNull: boolean;
  default?: unknown;
}

export interface Snapshot {
  tables: Record<string, { columns: Record<string, SnapshotColumn> }>;
}

/** What `newer` breaks of `older`; empty when the change is additive. */
export function schemaBreaks(older: Snapshot, newer: Snapshot): string[] {
  const breaks: string[] = [];
  for (const [tableName, table] of Object.entries(older.tables)) {
    const next = newer.tables[tableName];
    if (!next) {
      breaks.push(`table ${tableName} removed`);
      continue;
    }
    for (const [columnName, column] of Object.entries(table.columns)) {
      const nextColumn = next.columns[columnName];
      if (!nextColumn) breaks.push(`column ${tableName}.${columnName} removed`);
      else if (nextColumn.type !== column.type) breaks.push(`column ${tableName}.${columnName} type ${column.type} → ${nextColumn.type}`);
      else if (nextColumn.primaryKey !== column.primaryKey) breaks.push(`column ${tableName}.${columnName} primary key changed`);
      else if (nextColumn.notNull && !column.notNull) breaks.push(`column ${tableName}.${columnName} made NOT NULL`);
    }
  }
  for (const [tableName, table] of Object.entries(newer.tables)) {
    if (!older.tables[tableName]) continue;
    for (const [columnName, column] of Object.entries(table.columns)) {
      // a new NOT NULL column without a default cannot be added to rows synced from old clients
      if (!older.tables[tableName].columns[columnName] && column.notNull && column.default === undefined) {
        breaks.push(`column ${tableName}.${columnName} added NOT NULL without a default`);
      }
    }
  }
  return breaks;
}
