/**
 * The rows of an import under way. They are written straight into the `wf_*` tables with
 * prepared statements, a chunk per transaction, under a batch number recorded in
 * `welfare_staging`; nothing reads them until the batch row is written (../import-file). Rows of
 * an import that was cancelled or failed are deleted at once; rows of a process that died are
 * deleted by the next core that opens the database.
 */
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DATASETS, type Dataset } from '../../../shared/api/datasets';
import { datasetTable } from './records';

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
  /** every row of the batch has a greater rowid: its rows are found from it without a scan */
  afterId: number;
}

/** A new batch number (above every batch and every import under way), recorded as under way. */
export function beginStaging(sqlite: Database.Database, dataset: Dataset, startedAt: string): Staged {
  const staged = sqlite
    .transaction(() => {
      const no = sqlite
        .prepare('SELECT max(coalesce((SELECT max(no) FROM welfare_batches), 0), coalesce((SELECT max(no) FROM welfare_staging), 0)) + 1')
        .pluck()
        .get() as number;
      // rowids only grow: max(id) is read from the end of the table, at once
      const afterId = sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${datasetTable(dataset)}`).pluck().get() as number;
      sqlite.prepare('INSERT INTO welfare_staging (no, started_at, owner) VALUES (?, ?, ?)').run(no, startedAt, OWNER);
      return { no, afterId };
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

/** Removes every row written into the staged batch, its rejections, and its record of being under way. */
export function discardStaged(sqlite: Database.Database, dataset: Dataset, staged: Staged): void {
  try {
    sqlite
      .transaction(() => {
        sqlite.prepare(`DELETE FROM ${datasetTable(dataset)} WHERE id > ? AND batch_no = ?`).run(staged.afterId, staged.no);
        removeStaged(sqlite, staged.no, []);
      })
      .immediate();
  } finally {
    releaseStaged(sqlite, staged);
  }
}

/** Deletes a staged batch's rejections and its staging row, and its rows from `tables`. */
function removeStaged(sqlite: Database.Database, no: number, tables: readonly string[]): void {
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
