/**
 * The rows of an import under way, a chunk per transaction, under a batch number recorded in
 * `welfare_staging`; nothing reads them until the batch row is written (../import-file).
 *
 * Where they are written depends on the dataset's table. One without indexes (disbursements) is
 * appended to in place. One with indexes (the registries) gets a table of the import's own,
 * `wf_staged_<no>`, without indexes, whose rows move into the dataset's table in the transaction
 * that completes the batch (moveStaged). Written in place, every chunk inserted its
 * ID numbers at random places of the indexes, and rewrote most of their pages at each commit:
 * 33,000 relatives a second, against some 100,000 staged (scripts/bench/welfare.ts).
 *
 * The import's own table is a TEMP table of the importing connection, held in memory
 * (temp_store = MEMORY, ../../db/cipher): its rows are never written to the file until they move
 * into place, once, and vanish with the connection if the process dies. Staged in the file
 * instead, they were written (and encrypted) twice more, through the log and its checkpoint, and
 * the registries of the generated month imported 25–40% slower. An import whose worker thread
 * writes too (its connection cannot see this one's TEMP tables), and a file too large to hold,
 * stage in the file.
 *
 * Rows of an import that was cancelled or failed are deleted at once; rows of a process that died
 * are deleted by the next core that opens the database.
 */
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DATASETS, type Dataset } from '../../../shared/api/datasets';
import { withPageCache } from '../../db/page-cache';
import { datasetTable, recordColumns } from './records';

/** Who is importing: removing a batch whose importer still runs would corrupt it. */
export const OWNER = `${os.hostname()}#${process.pid}`;

/** An import of another machine (a database on a share) that old has surely ended. */
const FOREIGN_STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Batches being imported in this process, by connection: a second core on the same file (the
 * command line beside the application, or a test) must not remove them; once the connection is
 * closed, its imports can never complete.
 */
const running = new Map<Database.Database, Set<number>>();

/** The batches open connections of this process to the same file are importing. */
function importingHere(sqlite: Database.Database): Set<number> {
  const file = path.resolve(sqlite.name);
  const batches = new Set<number>();
  for (const [connection, nos] of running) {
    if (!connection.open) running.delete(connection);
    else if (path.resolve(connection.name) === file) for (const no of nos) batches.add(no);
  }
  return batches;
}

export interface Staged {
  no: number;
  /** where the import writes its rows: the dataset's table, or the import's own (`temp.wf_staged_<no>` in memory, `wf_staged_<no>` in the file) */
  table: string;
  /** written in place: every row of the batch has a greater rowid, so its rows are found without a scan */
  afterId: number;
}

/** The table of an import's own, for a dataset whose table has indexes. */
const STAGED_PREFIX = 'wf_staged_';
const stagedTable = (no: number): string => `${STAGED_PREFIX}${no}`;

/** The page cache for moving staged rows: the pages of the indexes they go into. */
const MOVE_CACHE_KIB = 256 * 1024;

export const MOVE_TUNING = {
  /**
   * Staged rows move in ID-number order into a table this large (its greatest rowid) or larger,
   * else in the order they came. Sorting costs more than it saves while the indexes' pages stay in the
   * move's cache: 100,000 officials moved into an empty table in 93 ms unsorted, 157–261 ms
   * sorted; into 500,000 rows both took some 400 ms; into 2,000,000, sorted 1.1 s and unsorted
   * 1.25 s (rows as in scripts/welfare/generate-cli.ts's officials.csv). Tests set it.
   */
  sortFromRows: 1_000_000,
};

function hasIndexes(sqlite: Database.Database, table: string): boolean {
  return sqlite.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?").pluck().get(table) !== 0;
}

export interface StagingOptions {
  /** stage a registry's rows in this connection's memory: only this connection writes them, and they are few enough to hold */
  inMemory: boolean;
}

/** A new batch number (above every batch and every import under way), recorded as under way, and where its rows go. */
export function beginStaging(sqlite: Database.Database, dataset: Dataset, startedAt: string, options: StagingOptions): Staged {
  const staged = sqlite
    .transaction((): Staged => {
      const no = sqlite
        .prepare('SELECT max(coalesce((SELECT max(no) FROM welfare_batches), 0), coalesce((SELECT max(no) FROM welfare_staging), 0)) + 1')
        .pluck()
        .get() as number;
      sqlite.prepare('INSERT INTO welfare_staging (no, started_at, owner) VALUES (?, ?, ?)').run(no, startedAt, OWNER);
      const target = datasetTable(dataset);
      if (hasIndexes(sqlite, target)) {
        // a leftover of a crash under this number goes first
        sqlite.exec(`DROP TABLE IF EXISTS main.${stagedTable(no)}`);
        const table = `${options.inMemory ? 'temp' : 'main'}.${stagedTable(no)}`;
        // the same columns and types, no index
        sqlite.exec(`CREATE TABLE ${table} AS SELECT * FROM main.${target} WHERE 0`);
        return { no, table, afterId: 0 };
      }
      // rowids only grow: max(id) is read from the end of the table, at once
      const afterId = sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${target}`).pluck().get() as number;
      return { no, table: target, afterId };
    })
    .immediate();
  let mine = running.get(sqlite);
  if (!mine) running.set(sqlite, (mine = new Set()));
  mine.add(staged.no);
  return staged;
}

/** The batch is no longer this process's to write (it completed, or was discarded). */
export function releaseStaged(sqlite: Database.Database, staged: Staged): void {
  running.get(sqlite)?.delete(staged.no);
}

/**
 * Moves the rows of an import with a table of its own into the dataset's table; into a large
 * table in ID-number order, so that each index page they go into is read and written once.
 * Runs inside the transaction that completes the batch; nothing to do for rows written in place.
 */
export function moveStaged(sqlite: Database.Database, dataset: Dataset, staged: Staged): void {
  const target = datasetTable(dataset);
  if (staged.table === target) return;
  const columns = ['batch_no', 'row', ...recordColumns(dataset).map((c) => c.name)].map((c) => `"${c}"`).join(', ');
  // rowids only grow: max(id) is read from the end of the table at once, where count(*) reads all of it
  const held = sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${target}`).pluck().get() as number;
  const order = held >= MOVE_TUNING.sortFromRows ? 'ORDER BY id_number' : '';
  withPageCache(sqlite, MOVE_CACHE_KIB, () => {
    sqlite.prepare(`INSERT INTO ${target} (${columns}) SELECT ${columns} FROM ${staged.table} ${order}`).run();
  });
  sqlite.exec(`DROP TABLE ${staged.table}`);
}

/** Removes every row written into the staged batch, its rejections, and its record of being under way. */
export function discardStaged(sqlite: Database.Database, dataset: Dataset, staged: Staged): void {
  try {
    sqlite
      .transaction(() => {
        if (staged.table === datasetTable(dataset)) sqlite.prepare(`DELETE FROM ${staged.table} WHERE id > ? AND batch_no = ?`).run(staged.afterId, staged.no);
        else sqlite.exec(`DROP TABLE IF EXISTS ${staged.table}`);
        removeStaged(sqlite, staged.no, []);
      })
      .immediate();
  } finally {
    releaseStaged(sqlite, staged);
  }
}

/** Deletes a staged batch's table of its own in the file, its rejections and its staging row, and its rows from `tables`. */
function removeStaged(sqlite: Database.Database, no: number, tables: readonly string[]): void {
  sqlite.exec(`DROP TABLE IF EXISTS main.${stagedTable(no)}`);
  for (const table of tables) sqlite.prepare(`DELETE FROM ${table} WHERE batch_no = ?`).run(no);
  sqlite.prepare('DELETE FROM welfare_rejected WHERE batch_no = ?').run(no);
  sqlite.prepare('DELETE FROM welfare_staging WHERE no = ?').run(no);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a staged batch's importer has gone: this process without it running, a process that exited, or long ago elsewhere. */
function abandoned(owner: string | null, startedAt: string, mine: ReadonlySet<number>, no: number, now: number): boolean {
  if (owner === null) return true;
  const [host, pid] = [owner.slice(0, owner.lastIndexOf('#')), Number(owner.slice(owner.lastIndexOf('#') + 1))];
  if (host !== os.hostname()) return now - Date.parse(startedAt) > FOREIGN_STALE_MS;
  if (pid === process.pid) return !mine.has(no);
  return !alive(pid);
}

/**
 * Removes the rows of imports that will never complete (their process crashed or was killed).
 * Run when a core first opens the database; returns the batch numbers removed.
 */
export function removeAbandonedImports(sqlite: Database.Database, now: Date): number[] {
  const staged = sqlite.prepare('SELECT no, started_at AS startedAt, owner FROM welfare_staging').all() as { no: number; startedAt: string; owner: string | null }[];
  dropOrphanTables(sqlite, new Set(staged.map((s) => s.no)));
  if (staged.length === 0) return [];
  const mine = importingHere(sqlite);
  const gone = staged.filter((s) => abandoned(s.owner, s.startedAt, mine, s.no, now.getTime())).map((s) => s.no);
  if (gone.length === 0) return [];
  const tables = DATASETS.map(datasetTable);
  sqlite.transaction(() => {
    for (const no of gone) removeStaged(sqlite, no, tables);
  })();
  return gone;
}

/** Tables of imports with no staging row (none should be: each is made and dropped with its row). */
function dropOrphanTables(sqlite: Database.Database, staged: ReadonlySet<number>): void {
  const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB ?").pluck().all(`${STAGED_PREFIX}*`) as string[];
  for (const table of tables) if (!staged.has(Number(table.slice(STAGED_PREFIX.length)))) sqlite.exec(`DROP TABLE main.${table}`);
}
