/**
 * Reads a file's rows into a staged batch, on both cores when the file is large. A worker thread
 * reads and parses the file; of each chunk of rows it either writes the records itself, on its
 * own connection, or hands the chunk's text to this thread, which parses it again, reads the
 * records and writes them on its connection: each thread takes what it can, and no record is
 * copied between them (thousands of small strings cost more to pass than to parse again).
 * SQLite lets one connection write at a time: each reads its chunk's records outside the
 * transaction, and the two take turns for the short transaction itself (writer.ts); whichever is
 * idle checkpoints the log for both (./checkpoints).
 *
 * Where no worker can start (tests run TypeScript through vitest's own loader, which a worker
 * does not inherit, and tsx may be absent), or the file is small, this thread does it all.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { AppError } from '../../api/errors';
import { openTable, rowsOfCsvText, type TableRow } from '../../import/table-reader';
import { checkpoint, CHECKPOINT_CHUNKS, CheckpointsDue } from './checkpoints';
import { CHUNK_ROWS, type FileJob, type ToMain, type ToWorker } from './protocol';
import { RecordWriter, WriteTurn, type RejectedCell, type Written } from './writer';

/** The worker's bundle beside the Electron core's (scripts/build-electron.mjs). */
export const WORKER_BUNDLE = 'welfare-import-worker.cjs';

/** Text chunks this thread takes ahead of writing them. */
const AHEAD = 2;

/** Rejections kept for the report, the first in file order. */
export const REPORTED_REJECTIONS = 100;

export interface Progress {
  rows: number;
  accepted: number;
  /** bytes of the file read */
  bytes: number;
}

export interface Outcome extends Progress {
  /** the first REPORTED_REJECTIONS reasons, in file order */
  rejected: RejectedCell[];
  /** 2: a worker thread read the file and shared the writing */
  threads: 1 | 2;
}

export interface WriteTarget {
  /** this thread's connection */
  sqlite: Database.Database;
  /** the database's key, for the worker's own connection */
  key: Uint8Array;
  no: number;
}

export interface RunOptions {
  worker: boolean;
  signal?: AbortSignal;
  /** the file's header, as read by the caller */
  headers: readonly string[];
  delimiter: ',' | '\t' | null;
  onProgress(progress: Progress): void;
}

/** Totals and the first rejections, in file order, whatever order the chunks arrive in. */
class Tally {
  readonly progress: Progress = { rows: 0, accepted: 0, bytes: 0 };
  private rejected: RejectedCell[] = [];

  add(written: Written, bytes: number): void {
    this.progress.rows += written.rows;
    this.progress.accepted += written.accepted;
    this.progress.bytes = Math.max(this.progress.bytes, bytes);
    if (this.rejected.length < REPORTED_REJECTIONS * 10) for (const r of written.rejected) this.rejected.push(r);
    if (this.rejected.length >= REPORTED_REJECTIONS * 10) this.rejected = this.first();
  }

  first(): RejectedCell[] {
    return this.rejected.sort((a, b) => a.row - b.row).slice(0, REPORTED_REJECTIONS);
  }
}

const cancelled = () => new AppError('IMPORT_CANCELLED');

async function inline(target: WriteTarget, job: FileJob, options: RunOptions, tally: Tally): Promise<void> {
  const table = await openTable({ path: job.path }, job.fileName, job.sheet ? { sheet: job.sheet } : {});
  try {
    const writer = new RecordWriter(target.sqlite, job, target.no);
    let rows: TableRow[] = [];
    const flush = () => {
      if (options.signal?.aborted) throw cancelled();
      tally.add(writer.write(rows), table.bytesRead());
      rows = [];
      options.onProgress({ ...tally.progress });
    };
    for await (const batch of table.batches) {
      for (const row of batch.rows) rows.push(row);
      if (rows.length >= CHUNK_ROWS) flush();
    }
    if (rows.length > 0) flush();
  } finally {
    await table.close();
  }
}

/** tsx's CommonJS API, located from this file so that it does not depend on the working directory. */
function tsxApi(): string {
  return createRequire(import.meta.url).resolve('tsx/cjs/api');
}

// From source the worker is TypeScript: it registers tsx, then loads its entry. tsx's CommonJS
// hook starts in some 0.15 s, its ESM hook (a loader thread of its own) in some 0.35 s.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
require(workerData.tsx).register();
require(workerData.entry);
`;

function startWorker(data: object): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${WORKER_BUNDLE}`, here), { workerData: data });
  return new Worker(BOOTSTRAP, { eval: true, workerData: { ...data, tsx: tsxApi(), entry: fileURLToPath(new URL('./worker.ts', here)) } });
}

type Event = ToMain | { type: 'crashed'; error: Error } | { type: 'abort' };

/** After these the worker writes nothing more. */
const last = (event: Event): boolean => event.type === 'end' || event.type === 'stopped' || event.type === 'failed' || event.type === 'crashed';

function failure(event: Extract<ToMain, { type: 'failed' }>): Error {
  return event.code ? new AppError(event.code, event.details as AppError['details']) : new Error(event.message);
}

/** With a worker thread; false, having written nothing, when none could start. */
async function withWorker(target: WriteTarget, job: FileJob, options: RunOptions, tally: Tally): Promise<boolean> {
  let worker: Worker;
  const turn = new WriteTurn();
  const due = new CheckpointsDue();
  try {
    worker = startWorker({ job, database: { file: target.sqlite.name, key: target.key }, no: target.no, turn: turn.shared, checkpoints: due.shared });
  } catch {
    return false;
  }
  const events: Event[] = [];
  let wake: (() => void) | null = null;
  const push = (event: Event) => {
    events.push(event);
    wake?.();
  };
  const next = async (): Promise<Event> => {
    // waiting for rows: the time to checkpoint (./checkpoints)
    if (events.length === 0 && due.claim(CHECKPOINT_CHUNKS)) checkpoint(target.sqlite);
    while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return events.shift()!;
  };
  worker.on('message', (message: ToMain) => push(message));
  worker.on('error', (error: Error) => push({ type: 'crashed', error }));
  worker.on('exit', (code) => push({ type: 'crashed', error: new Error(`import worker exited with code ${code}`) }));
  const onAbort = () => push({ type: 'abort' });
  options.signal?.addEventListener('abort', onAbort);
  const tell = (message: ToWorker) => worker.postMessage(message);
  const writer = new RecordWriter(target.sqlite, job, target.no, turn);
  const width = options.headers.length;
  let ready = false;
  // the two threads share the checkpoints out between them (./checkpoints), outside their commits
  const autocheckpoint = target.sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  target.sqlite.pragma('wal_autocheckpoint = 0');
  try {
    for (;;) {
      const event = await next();
      if (options.signal?.aborted && !last(event)) {
        tell({ type: 'stop' });
        // its connection closed (any transaction rolled back) before the rows are removed
        while (!last(await next()));
        throw cancelled();
      }
      switch (event.type) {
        case 'ready':
          ready = true;
          tell({ type: 'take', chunks: AHEAD });
          break;
        case 'text': {
          const rows = event.pieces.flatMap((p) => rowsOfCsvText(p.text, p.firstRow, options.delimiter!, width));
          tally.add(writer.write(rows), event.bytes);
          due.written();
          tell({ type: 'take', chunks: 1 });
          options.onProgress({ ...tally.progress });
          break;
        }
        case 'written':
          tally.add(event, event.bytes);
          options.onProgress({ ...tally.progress });
          break;
        case 'end':
        case 'stopped':
          return true;
        // before it is ready (its connection or the file did not open) this thread tries alone
        case 'failed':
          if (!ready) return false;
          throw failure(event);
        case 'crashed':
          if (!ready) return false;
          throw event.error;
        case 'abort':
          break;
      }
    }
  } finally {
    target.sqlite.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    options.signal?.removeEventListener('abort', onAbort);
    worker.removeAllListeners();
    worker.on('error', () => {}); // whatever it still says while it stops
    await worker.terminate();
  }
}

/** Reads the file's rows into the staged batch `target.no`; the caller completes or discards the batch. */
export async function writeFileRows(target: WriteTarget, job: FileJob, options: RunOptions): Promise<Outcome> {
  const tally = new Tally();
  let threads: 1 | 2 = 1;
  if (options.worker && options.delimiter !== null && (await withWorker(target, job, options, tally))) threads = 2;
  else await inline(target, job, options, tally);
  if (options.signal?.aborted) throw cancelled();
  return { ...tally.progress, rejected: tally.first(), threads };
}
