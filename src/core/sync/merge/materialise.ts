/**
 * Writes one row of a synced table as its operations in the change log say it should be. The
 * rows are written directly with prepared statements, not through the Writer: they are what
 * operations already in the change log amount to, so logging them again would echo them back.
 */
import type Database from 'better-sqlite3';
import type { ColumnValue } from '../operations';
import { rowState, type RowOperation } from './row-state';
import { quoted, SchemaFacts, type TableFacts } from './schema-info';
import { SYNCED_TABLES, syncedTable, type SyncedTable } from './tables';

/**
 * written/deleted: the stored row changed. unchanged: it already was as it should be.
 * held: it cannot be written yet (a row it refers to is missing, or another row holds one of its
 * unique keys), and is not in the table meanwhile; waiting: no insert held yet. Both stay in the
 * change log and are tried again.
 */
export type Outcome = 'written' | 'deleted' | 'unchanged' | 'held' | 'waiting';

type Bound = string | number | null;

function bind(value: ColumnValue | object): Bound {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

function isConstraint(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * Whether the stored row already is what the operations say. A row inserted again after a
 * deletion must also have nothing of its earlier life: the columns its operations do not set are
 * NULL, as a fresh insert leaves them (synced tables have no column defaults).
 */
function matches(stored: Record<string, unknown>, values: Record<string, Bound>, reborn: boolean): boolean {
  if (!Object.entries(values).every(([column, value]) => stored[column] === value)) return false;
  return !reborn || Object.entries(stored).every(([column, value]) => column === 'id' || column in values || value === null);
}

/** A removal that an append-only record stands in the way of. */
class Blocked extends Error {}

export class Materialiser {
  readonly facts: SchemaFacts;
  /** `table`/`column` pairs named by operations that this schema lacks ('' column: the whole table) */
  readonly missing = new Map<string, { table: string; column: string }>();
  /** rows whose stored state changed, including rows evicted from a unique key */
  readonly changed: { table: string; id: string }[] = [];
  /** rows taken out of their table with no deletion of their own (held back from now on) */
  takenOut = 0;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {
    this.facts = new SchemaFacts(sqlite);
  }

  noteMissing(table: string, column: string): void {
    this.missing.set(`${table}\u0000${column}`, { table, column });
  }

  /** A row's operations from the change log, oldest first. */
  operations(table: string, id: string): RowOperation[] {
    const rows = this.statement('ops', 'SELECT hlc, op, columns FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc').all(table, id) as {
      hlc: string;
      op: RowOperation['op'];
      columns: string;
    }[];
    return rows.map((r) => ({ hlc: r.hlc, op: r.op, columns: JSON.parse(r.columns) as RowOperation['columns'] }));
  }

  /** Brings the stored row in line with `operations` (all of its operations, oldest first). */
  materialise(table: SyncedTable, id: string, operations: readonly RowOperation[]): Outcome {
    const facts = this.facts.table(table.name);
    if (!facts) throw new Error(`synced table ${table.name} is missing from the database`);
    const state = rowState(table.merge, operations);
    const stored = this.stored(table.name, id);
    if (state.kind === 'waiting') return stored && table.merge === 'append' ? 'unchanged' : 'waiting';
    if (state.kind === 'deleted') {
      if (!stored) return 'unchanged';
      return this.remove(table.name, id) ? 'deleted' : 'held';
    }
    if (stored && table.merge === 'append') return 'unchanged';
    const values = this.values(table.name, facts, state.columns);
    const reborn = operations.some((o) => o.op === 'delete');
    if (values !== null && stored && matches(stored, values, reborn)) return 'unchanged';
    // a row deleted and inserted again starts afresh, without the columns of its earlier life
    // (unless rows still refer to it: then it is updated in place, and they stay)
    if (values !== null && stored && reborn) this.remove(table.name, id, false);
    const outcome = values === null ? 'held' : this.write(table, facts, id, values, operations[0]!.hlc);
    // A stored row that cannot take its new state leaves the table until it can, rather than
    // stay as it was: a held row is then simply an absent one, found and tried again by every
    // later apply (settle.ts), and every node shows the same.
    if (outcome === 'held' && stored) this.remove(table.name, id);
    return outcome;
  }

  /** The columns to store: those this schema has, with references to accounts checked. */
  private values(table: string, facts: TableFacts, columns: Record<string, ColumnValue>): Record<string, Bound> | null {
    const values: Record<string, Bound> = {};
    for (const [column, value] of Object.entries(columns)) {
      if (column === 'id') continue;
      if (facts.columns.has(column)) values[column] = bind(value);
      else this.noteMissing(table, column);
    }
    // A reference to a node-local table (users) names an account of the node that made the row,
    // which other nodes do not have: kept as NULL where the column allows it, held where not.
    for (const fk of facts.foreignKeys) {
      const value = values[fk.column];
      if (syncedTable(fk.table) || value === null || value === undefined) continue;
      if (this.statement(`has:${fk.table}:${fk.to}`, `SELECT 1 FROM ${quoted(fk.table)} WHERE ${quoted(fk.to)} = ?`).get(value)) continue;
      if (facts.columns.get(fk.column)) return null;
      values[fk.column] = null;
    }
    return values;
  }

  private write(table: SyncedTable, facts: TableFacts, id: string, values: Record<string, Bound>, firstStamp: string): Outcome {
    const columns = Object.keys(values);
    const conflict =
      table.merge === 'append' || columns.length === 0
        ? 'DO NOTHING'
        : `DO UPDATE SET ${columns.map((c) => `${quoted(c)} = excluded.${quoted(c)}`).join(', ')}`;
    // ON CONFLICT DO UPDATE, not INSERT OR REPLACE: a replace deletes the row first, which
    // referring rows would refuse (or follow, with ON DELETE CASCADE)
    const upsert = this.statement(
      `upsert:${table.name}:${table.merge}:${columns.join(',')}`,
      `INSERT INTO ${quoted(table.name)} ("id"${columns.map((c) => `, ${quoted(c)}`).join('')}) VALUES (?${', ?'.repeat(columns.length)}) ON CONFLICT("id") ${conflict}`,
    );
    for (let attempt = 0; ; attempt++) {
      try {
        upsert.run(id, ...columns.map((c) => values[c]!));
        this.changed.push({ table: table.name, id });
        return 'written';
      } catch (error) {
        if (!isConstraint(error)) throw error;
        // a unique key taken by another row: the row created first keeps it, on every node
        const unique = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
        const retry = unique && attempt < facts.uniqueKeys.length && this.evictLaterHolder(table.name, facts, id, values, firstStamp);
        if (!retry) return 'held';
      }
    }
  }

  /**
   * If a row created after this one (by its first stamp) holds one of this row's unique keys,
   * takes it out of the table (its operations stay in the change log, and it comes back once the
   * key is free). Returns whether one was taken out.
   */
  private evictLaterHolder(table: string, facts: TableFacts, id: string, values: Record<string, Bound>, firstStamp: string): boolean {
    const stored = this.stored(table, id) ?? {};
    for (const key of facts.uniqueKeys) {
      const keyValues = key.map((column) => (column in values ? values[column] : (stored[column] as Bound | undefined)));
      if (keyValues.some((v) => v === null || v === undefined)) continue; // NULLs never collide
      const where = key.map((column) => `${quoted(column)} = ?`).join(' AND ');
      const holder = this.statement(`holder:${table}:${key.join(',')}`, `SELECT id FROM ${quoted(table)} WHERE ${where} AND id <> ?`)
        .pluck()
        .get(...keyValues, id) as string | undefined;
      if (holder === undefined) continue;
      const holderStamp = this.statement('first', 'SELECT min(hlc) FROM change_log WHERE table_name = ? AND row_id = ?').pluck().get(table, holder) as
        | string
        | null;
      // a holder with no operations was never synced: it stays
      if (holderStamp === null || holderStamp < firstStamp) return false;
      if (!this.remove(table, holder)) return false;
      this.takenOut++;
      return true;
    }
    return false;
  }

  private stored(table: string, id: string): Record<string, unknown> | undefined {
    return this.statement(`row:${table}`, `SELECT * FROM ${quoted(table)} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  }

  /**
   * Takes a row out of its table. With `cascade`, synced rows that refer to it go out first
   * (their operations stay, and they come back if it does): a deletion supersedes the rows made
   * against the row it deleted, the same on every node whatever the order. All or nothing (a
   * savepoint); false when not possible (an append-only record refers to it): the row stays.
   */
  private remove(table: string, id: string, cascade = true): boolean {
    const mark = { changed: this.changed.length, takenOut: this.takenOut };
    try {
      this.sqlite.transaction(() => this.removeOrThrow(table, id, cascade, 0))();
      return true;
    } catch (error) {
      if (!(error instanceof Blocked) && !isConstraint(error)) throw error;
      this.changed.length = mark.changed;
      this.takenOut = mark.takenOut;
      return false;
    }
  }

  private removeOrThrow(table: string, id: string, cascade: boolean, depth: number): void {
    const del = this.statement(`delete:${table}`, `DELETE FROM ${quoted(table)} WHERE id = ?`);
    try {
      del.run(id);
    } catch (error) {
      if (!isConstraint(error) || !cascade || depth > SYNCED_TABLES.length) throw error;
      this.removeReferrers(table, id, depth);
      del.run(id);
    }
    this.changed.push({ table, id });
  }

  private removeReferrers(table: string, id: string, depth: number): void {
    for (const referrer of SYNCED_TABLES) {
      for (const fk of this.facts.table(referrer.name)?.foreignKeys ?? []) {
        if (fk.table !== table) continue;
        const ids = this.statement(`referrers:${referrer.name}:${fk.column}`, `SELECT id FROM ${quoted(referrer.name)} WHERE ${quoted(fk.column)} = ?`)
          .pluck()
          .all(id) as string[];
        if (ids.length > 0 && referrer.merge === 'append') throw new Blocked();
        for (const other of ids) this.removeOrThrow(referrer.name, other, true, depth + 1);
        this.takenOut += ids.length;
      }
    }
  }

  private statement(key: string, sql: string): Database.Statement {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
