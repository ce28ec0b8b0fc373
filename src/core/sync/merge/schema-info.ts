/**
 * What this database's schema says about a table, read from SQLite itself rather than from the
 * drizzle schema: operations may come from another version, and what counts is which columns,
 * references and unique keys this file has now (after its migrations).
 */
import type Database from 'better-sqlite3';

export interface ForeignKey {
  column: string;
  table: string;
  /** the referenced column */
  to: string;
}

export interface TableFacts {
  /** column name → whether it is NOT NULL */
  columns: Map<string, boolean>;
  foreignKeys: ForeignKey[];
  /** the columns of each unique index other than the primary key */
  uniqueKeys: string[][];
}

/** Double-quotes an SQL identifier (the names come from the registry or from the schema). */
export function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Reads a table's facts once per instance: make a new one after a migration. */
export class SchemaFacts {
  private readonly tables = new Map<string, TableFacts | null>();

  constructor(private readonly sqlite: Database.Database) {}

  /** null when this database has no such table */
  table(name: string): TableFacts | null {
    let facts = this.tables.get(name);
    if (facts === undefined) {
      facts = this.read(name);
      this.tables.set(name, facts);
    }
    return facts;
  }

  private read(name: string): TableFacts | null {
    const q = quoted(name);
    const columns = this.sqlite.prepare(`PRAGMA table_info(${q})`).all() as { name: string; notnull: number }[];
    if (columns.length === 0) return null;
    const foreignKeys = (this.sqlite.prepare(`PRAGMA foreign_key_list(${q})`).all() as { from: string; table: string; to: string | null }[]).map(
      (fk) => ({ column: fk.from, table: fk.table, to: fk.to ?? 'id' }),
    );
    const indexes = this.sqlite.prepare(`PRAGMA index_list(${q})`).all() as { name: string; unique: number; origin: string; partial: number }[];
    const uniqueKeys = indexes
      .filter((index) => index.unique === 1 && index.origin !== 'pk' && index.partial === 0)
      .map((index) => (this.sqlite.prepare(`PRAGMA index_info(${quoted(index.name)})`).all() as { name: string }[]).map((c) => c.name));
    return { columns: new Map(columns.map((c) => [c.name, c.notnull === 1])), foreignKeys, uniqueKeys };
  }
}
