import { eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { auditLog, changeLog } from '../db/schema';
import { auditHash, GENESIS_HASH } from './audit';
import type { Caller } from './caller';
import { shanghaiTimestamp } from './time';
import type { HybridLogicalClock } from './hlc';
import { newId } from './ids';

/** A table the write path can change: every synced table has a text primary key `id`. */
type RowTable = SQLiteTable & { id: SQLiteColumn };
type Insert<T extends RowTable> = T['$inferInsert'] & { id: string };
type Patch<T extends RowTable> = Partial<Omit<T['$inferInsert'], 'id'>>;

interface PendingChange {
  hlc: string;
  tableName: string;
  rowId: string;
  op: 'insert' | 'update' | 'delete';
  columns: Record<string, unknown>;
}

function sqlColumns(table: RowTable, values: Record<string, unknown>): Record<string, unknown> {
  const columns = getTableColumns(table);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const column = columns[key];
    if (column && value !== undefined) out[column.name] = value;
  }
  return out;
}

/**
 * The only way to change rows. Each change is recorded for the change log; `commit` appends the
 * audit entry and the change-log operations in the caller's transaction.
 */
export class Writer {
  private readonly changes: PendingChange[] = [];
  private readonly reads: { table: string; id: string }[] = [];

  constructor(
    readonly db: Db,
    private readonly clock: HybridLogicalClock,
    /** the same connection as `db`, for the bulk methods' prepared statements */
    private readonly sqlite: Database.Database,
  ) {}

  insert<T extends RowTable>(table: T, values: Insert<T>): void {
    this.db.insert(table).values(values).run();
    this.record(table, values.id, 'insert', values);
  }

  /**
   * Sets the columns of `patch` that differ from the stored row, plus `stamp` (such as
   * updatedAt) when anything did; returns the changed keys of `patch`.
   */
  update<T extends RowTable>(table: T, id: string, patch: Patch<T>, stamp: Patch<T> = {}): string[] {
    const current = this.db.select().from(table as SQLiteTable).where(eq(table.id, id)).get() as
      | Record<string, unknown>
      | undefined;
    if (!current) return [];
    const changed = Object.fromEntries(
      Object.entries(patch as Record<string, unknown>).filter(([key, value]) => value !== undefined && current[key] !== value),
    );
    const keys = Object.keys(changed);
    if (keys.length === 0) return [];
    const values = { ...changed, ...stamp };
    this.db.update(table).set(values as never).where(eq(table.id, id)).run();
    this.record(table, id, 'update', values);
    return keys;
  }

  /**
   * insert() for many rows of one table, with one prepared statement instead of a drizzle query
   * per row: for bulk results such as a rule run's hits. The same change-log operations.
   */
  insertMany<T extends RowTable>(table: T, rows: Insert<T>[]): void {
    if (rows.length === 0) return;
    const columns = Object.entries(getTableColumns(table));
    const statement = this.sqlite.prepare(
      `INSERT INTO "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) {
      const values = row as Record<string, unknown>;
      statement.run(columns.map(([key, column]) => (values[key] == null ? null : column.mapToDriverValue(values[key]))));
      this.record(table, row.id, 'insert', values);
    }
  }

  /**
   * update() for many rows whose stored values the caller read in this transaction (`current`,
   * as drizzle selects them, holding at least the patched keys): no read per row, and one
   * prepared statement per set of changed columns. Returns how many rows changed.
   */
  updateMany<T extends RowTable>(
    table: T,
    rows: { id: string; current: Partial<T['$inferSelect']>; patch: Patch<T> }[],
    stamp: Patch<T> = {},
  ): number {
    const columns = getTableColumns(table);
    const statements = new Map<string, Database.Statement>();
    let changedRows = 0;
    for (const { id, current, patch } of rows) {
      const stored = current as Record<string, unknown>;
      const changed = Object.entries(patch as Record<string, unknown>).filter(([key, value]) => value !== undefined && stored[key] !== value);
      if (changed.length === 0) continue;
      const values = { ...Object.fromEntries(changed), ...(stamp as Record<string, unknown>) };
      const keys = Object.keys(values);
      const signature = keys.join(',');
      let statement = statements.get(signature);
      if (!statement) {
        const sets = keys.map((key) => `"${columns[key]!.name}" = ?`).join(', ');
        statement = this.sqlite.prepare(`UPDATE "${getTableName(table)}" SET ${sets} WHERE "${table.id.name}" = ?`);
        statements.set(signature, statement);
      }
      statement.run([...keys.map((key) => (values[key] == null ? null : columns[key]!.mapToDriverValue(values[key]))), id]);
      this.record(table, id, 'update', values);
      changedRows++;
    }
    return changedRows;
  }

  delete<T extends RowTable>(table: T, id: string): boolean {
    const result = this.db.delete(table).where(eq(table.id, id)).run();
    if (result.changes === 0) return false;
    this.record(table, id, 'delete', {});
    return true;
  }

  get changedTables(): string[] {
    return this.changes.map((c) => c.tableName);
  }

  /**
   * The seq of the audit entry this write will append when it commits, for rows that must point
   * at it before then (operations applied from a bundle). The transaction holds the write lock,
   * so no other entry can come first.
   */
  pendingAuditSeq(): number {
    const last = this.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined;
    return (last ?? 0) + 1;
  }

  /**
   * Folds in a stamp that arrived in this write (a bundle's operations): a change made after
   * them in the same write must sort after them, or an office whose clock runs ahead would win
   * over it everywhere (per-column last writer wins).
   */
  receive(stamp: string): void {
    this.clock.receive(stamp);
  }

  /** Records a row that was looked at, for the audit entry (no change-log operation). */
  noteRead(table: string, id: string): void {
    this.reads.push({ table, id });
  }

  get touched(): { table: string; id: string }[] {
    return [...this.changes.map((c) => ({ table: c.tableName, id: c.rowId })), ...this.reads];
  }

  private record(table: RowTable, rowId: string, op: PendingChange['op'], values: Record<string, unknown>): void {
    this.changes.push({ hlc: this.clock.tick(), tableName: getTableName(table), rowId, op, columns: sqlColumns(table, values) });
  }

  /** Appends the audit entry, then the change-log operations that point at it. */
  commit(caller: Caller, procedure: string, summary: Record<string, unknown>, nodeId: string, at: string): void {
    // each node chains its own entries: trails merged from other offices keep their own chains
    const previous = this.db
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .where(eq(auditLog.nodeId, nodeId))
      .orderBy(sql`${auditLog.seq} desc`)
      .limit(1)
      .get();
    const fields = {
      id: newId(),
      nodeId,
      at,
      hlc: this.clock.tick(),
      actor: caller.actor,
      procedure,
      rows: JSON.stringify(this.touched),
      summary: JSON.stringify(summary),
    };
    const prevHash = previous?.hash ?? GENESIS_HASH;
    const entry = this.db
      .insert(auditLog)
      .values({ ...fields, prevHash, hash: auditHash(prevHash, fields) })
      .returning({ seq: auditLog.seq })
      .get();
    // one prepared statement: a bulk write (a rule run) records tens of thousands of operations
    const columns = getTableColumns(changeLog);
    const append = this.sqlite.prepare(
      `INSERT INTO "${getTableName(changeLog)}" ("${columns.hlc.name}", "${columns.nodeId.name}", "${columns.tableName.name}", "${columns.rowId.name}", "${columns.op.name}", "${columns.columns.name}", "${columns.auditSeq.name}") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const change of this.changes) {
      append.run(change.hlc, nodeId, change.tableName, change.rowId, change.op, JSON.stringify(change.columns), entry.seq);
    }
  }
}

/**
 * Folds the latest stamps in the database into the clock: another process on the same file (the
 * command line beside the application) may have written since, with stamps this clock has not
 * seen, and a stamp names one operation everywhere (change_log_hlc is unique, for sync).
 */
function catchUp(sqlite: Database.Database, clock: HybridLogicalClock, nodeId: string): void {
  const latest = sqlite
    .prepare('SELECT max(hlc) FROM (SELECT max(hlc) AS hlc FROM change_log UNION ALL SELECT max(hlc) FROM audit_log WHERE node_id = ?)')
    .pluck()
    .get(nodeId) as string | null;
  if (latest) clock.receive(latest);
}

/** Runs `fn` in one transaction with a Writer, then commits audit and change log in it too. */
export function runWrite<T>(
  sqlite: Database.Database,
  db: Db,
  clock: HybridLogicalClock,
  audit: { caller: Caller; procedure: string; nodeId: string; now: () => Date },
  fn: (w: Writer) => { result: T; summary?: Record<string, unknown> },
): { result: T; touchedTables: string[] } {
  return sqlite.transaction(() => {
    catchUp(sqlite, clock, audit.nodeId);
    const writer = new Writer(db, clock, sqlite);
    const { result, summary } = fn(writer);
    writer.commit(audit.caller, audit.procedure, summary ?? {}, audit.nodeId, shanghaiTimestamp(audit.now()));
    return { result, touchedTables: [...new Set(writer.changedTables)] };
    // IMMEDIATE: take the write lock up front, so that a second process (the CLI beside the app)
    // waits out busy_timeout instead of failing when a read-then-write transaction upgrades
  }).immediate();
}
