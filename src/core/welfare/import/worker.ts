/**
 * Worker thread entry (see ./run-import): reads the file, and of each chunk of rows either
 * writes it itself, on its own connection, or (CSV) hands its text to the importing thread,
 * whichever is free. Built into its own bundle for Electron (scripts/build-electron.mjs); from
 * source, started through tsx.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../api/errors';
import { applyKey } from '../../db/cipher';
import { openTable, type TableRow } from '../../import/table-reader';
import { checkpoint, CHECKPOINT_CHUNKS, CheckpointsDue } from './checkpoints';
import { CHUNK_ROWS, type FileJob, type TextPiece, type ToMain, type ToWorker } from './protocol';
import { RecordWriter, WriteTurn } from './writer';

interface WorkerData {
  job: FileJob;
  database: { file: string; key: Uint8Array };
  no: number;
  turn: SharedArrayBuffer;
  checkpoints: SharedArrayBuffer;
}

function openDatabase(file: string, key: Uint8Array): Database.Database {
  const sqlite = new Database(file, { fileMustExist: true });
  applyKey(sqlite, key);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('wal_autocheckpoint = 0');
  return sqlite;
}

async function run(port: NonNullable<typeof parentPort>, data: WorkerData): Promise<void> {
  const post = (message: ToMain) => port.postMessage(message);
  let credit = 0; // chunks the importing thread is ready to take
  let stopping = false;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'take') credit += message.chunks;
    else stopping = true;
  });
  const { job } = data;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openDatabase(data.database.file, data.database.key);
    const writer = new RecordWriter(sqlite, job, data.no, new WriteTurn(data.turn));
    const table = await openTable({ path: job.path }, job.fileName, job.sheet ? { sheet: job.sheet } : {});
    post({ type: 'ready' });
    let rows: TableRow[] = [];
    let pieces: TextPiece[] | null = [];
    const due = new CheckpointsDue(data.checkpoints);
    const flush = () => {
      const bytes = table.bytesRead();
      if (pieces && credit > 0) {
        credit--;
        post({ type: 'text', pieces, bytes });
      } else {
        post({ type: 'written', ...writer.write(rows), bytes });
        due.written();
      }
      rows = [];
      pieces = [];
      // the importing thread was never idle to make it (./checkpoints)
      if (due.claim(2 * CHECKPOINT_CHUNKS)) checkpoint(sqlite!);
    };
    try {
      for await (const batch of table.batches) {
        if (stopping) break;
        for (const row of batch.rows) rows.push(row);
        // a chunk goes to the importing thread only if all of it can be read again from text
        if (pieces && batch.source) pieces.push(batch.source);
        else pieces = null;
        if (rows.length >= CHUNK_ROWS) flush();
      }
      if (!stopping && rows.length > 0) flush();
      if (!stopping) checkpoint(sqlite);
    } finally {
      await table.close();
    }
    sqlite.close();
    sqlite = null;
    post(stopping ? { type: 'stopped' } : { type: 'end' });
  } catch (error) {
    sqlite?.close(); // an open transaction rolls back
    sqlite = null;
    post(
      error instanceof AppError
        ? { type: 'failed', code: error.code, ...(error.details ? { details: error.details } : {}), message: error.message }
        : { type: 'failed', message: error instanceof Error ? error.message : String(error) },
    );
  }
}

// not a top-level await: the Electron bundle is CommonJS
if (parentPort) void run(parentPort, workerData as WorkerData);
