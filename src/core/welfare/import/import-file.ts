/**
 * Imports one dataset file into a new batch. The file is streamed (./run-import, with a worker
 * thread when it is large), its records written under a staged batch number (./staging), and the
 * batch row written through the write path last, in one transaction with moving the rows into
 * place: until then no rule sees a row of it, and a cancel, a failure or a crash leaves the
 * database as it was. `import.progressed` follows the first chunk (512 rows) and then comes
 * every quarter of a second; a cancel takes effect between chunks.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Batch, Dataset, WelfareImportReport } from '../../../shared/api/welfare';
import type { Context } from '../../api/context';
import { AppError } from '../../api/errors';
import { newId } from '../../api/ids';
import { shanghaiDate, shanghaiTimestamp } from '../../api/time';
import { welfareBatches, welfareStaging } from '../../db/schema/welfare';
import { openTable } from '../../import/table-reader';
import { completeBatchWith, getBatch, rejectedRow } from './batches';
import { mappingHeaders, rememberMapping, requireFields, resolveMapping } from './mapping';
import { writeFileRows } from './run-import';
import { beginStaging, discardStaged, moveStaged, releaseStaged } from './staging';

export interface WelfareImportInput {
  path: string;
  /** the name the user knows the file by (its extension decides the format); default: the path's */
  fileName?: string;
  dataset: Dataset;
  /** XLSX: the sheet to read instead of the first */
  sheet?: string;
  /** field key → 0-based column, instead of the remembered or automatic mapping; remembered when the import completes */
  mapping?: Record<string, number>;
  /** the `import.progressed` events' jobId; default a new id */
  jobId?: string;
  /** the file's size and SHA-256 when already known (an upload computed them); else read here */
  totalBytes?: number;
  sha256?: string;
  signal?: AbortSignal;
}

/** Progress events at most this often, after the first chunk's. */
const PROGRESS_MS = 250;

export const IMPORT_TUNING = {
  /**
   * Files from this size on are read with a worker thread, and a registry's rows staged in the
   * database file, where the worker's connection can write them too (./staging). Below it, this
   * thread reads the file alone and stages a registry's rows in memory: starting a worker (some
   * 0.15 s from source) costs more than it saves, and the staged rows are few enough to hold. The
   * registries of scripts/welfare/generate-cli.ts's month, 3–26 MB, imported faster on one thread
   * staged in memory than on two staged in the file; its 165 MB of disbursements faster on two
   * (scripts/bench/welfare.ts, scripts/bench/welfare-import.ts with BENCH_IMPORT_FILE). Tests set
   * it to take one way or the other.
   */
  workerMinBytes: 32 * 1024 * 1024,
};

async function digest(file: string): Promise<{ size: number; sha256: string }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
    return { size: info.size, sha256: hash.digest('hex') };
  } catch {
    throw new AppError('FILE_UNREADABLE', { file: path.basename(file) });
  }
}

function duplicateOf(batch: Batch): AppError {
  return new AppError('IMPORT_DUPLICATE_FILE', { importedAt: batch.importedAt, fileName: batch.fileName, batchId: batch.id });
}

function cancelledIf(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('IMPORT_CANCELLED');
}

/** The header of the file and the sheet read: refuses what cannot be read before anything is written. */
async function readHeader(file: string, fileName: string, sheet: string | undefined) {
  const table = await openTable({ path: file }, fileName, sheet ? { sheet } : {});
  try {
    return { headers: table.headers, delimiter: table.delimiter, xlsx: table.format === 'xlsx', sheet: table.format === 'xlsx' ? (sheet ?? table.sheets[0] ?? null) : null };
  } finally {
    await table.close();
  }
}

export async function importWelfareFile(ctx: Context, input: WelfareImportInput): Promise<WelfareImportReport> {
  return importFile(ctx, input, {});
}

/** importWelfareFile, with where the file is read decided by the caller (tests of both ways). */
export async function importFile(ctx: Context, input: WelfareImportInput, options: { worker?: boolean }): Promise<WelfareImportReport> {
  const { dataset, signal } = input;
  const fileName = input.fileName ?? path.basename(input.path);
  const jobId = input.jobId ?? newId();
  const { size, sha256 } = input.totalBytes !== undefined && input.sha256 ? { size: input.totalBytes, sha256: input.sha256 } : await digest(input.path);
  const earlier = completeBatchWith(ctx.db, dataset, sha256);
  if (earlier) throw duplicateOf(earlier);

  const header = await readHeader(input.path, fileName, input.sheet);
  const mapping = resolveMapping(ctx.db, dataset, header.headers, input.mapping);
  const columns = requireFields(dataset, mapping);
  cancelledIf(signal);

  const started = ctx.now();
  const worker = options.worker ?? size >= IMPORT_TUNING.workerMinBytes;
  const staged = beginStaging(ctx.sqlite, dataset, shanghaiTimestamp(started), { inMemory: !worker && size < IMPORT_TUNING.workerMinBytes });
  const progress = { jobId, rows: 0, total: null, bytes: 0, totalBytes: size };
  let emitted = 0;
  try {
    ctx.emit('import.progressed', { ...progress });
    const job = { path: input.path, fileName, dataset, table: staged.table, columns, today: shanghaiDate(started), excelSerial: header.xlsx, ...(input.sheet ? { sheet: input.sheet } : {}) };
    const outcome = await writeFileRows({ sqlite: ctx.sqlite, key: ctx.vault.key, no: staged.no }, job, {
      worker,
      ...(signal ? { signal } : {}),
      headers: header.headers,
      delimiter: header.delimiter,
      onProgress: (p) => {
        // the first chunk at once, then a few a second: enough for a progress bar and a rate
        if (emitted !== 0 && Date.now() - emitted < PROGRESS_MS) return;
        emitted = Date.now();
        ctx.emit('import.progressed', { ...progress, rows: p.rows, bytes: p.bytes });
      },
    });
    const { rows, accepted } = outcome;
    const no = staged.no;

    const id = newId();
    const mappingAsWritten = mappingHeaders(columns, header.headers);
    ctx.write(
      (w) => {
        // gone only if a core took this import for a dead one and removed its rows
        if (w.db.delete(welfareStaging).where(eq(welfareStaging.no, no)).run().changes !== 1) throw new AppError('IMPORT_CANCELLED');
        // the same file, imported meanwhile by someone else
        const twin = completeBatchWith(w.db, dataset, sha256);
        if (twin) throw duplicateOf(twin);
        moveStaged(ctx.sqlite, dataset, staged);
        const at = shanghaiTimestamp(ctx.now());
        w.insert(welfareBatches, {
          id,
          no,
          dataset,
          fileName,
          sha256,
          size,
          sheet: header.sheet,
          mapping: JSON.stringify(mappingAsWritten),
          importedBy: ctx.caller.userId!,
          importedAt: at,
          rows,
          accepted,
          rejected: rows - accepted,
          status: 'complete',
        });
        if (input.mapping) rememberMapping(w, dataset, mapping, at);
      },
      () => ({ batchId: id, dataset, fileName, sha256, rows, accepted, rejected: rows - accepted, threads: outcome.threads }),
    );
    releaseStaged(ctx.sqlite, staged);
    ctx.emit('import.progressed', { ...progress, rows, bytes: size });
    const { no: _no, ...batch } = getBatch(ctx.db, id);
    return { batch, rejected: outcome.rejected.map((r) => rejectedRow(r.row, r.field, r.reasonKey, r.details)), mapping: mappingAsWritten };
  } catch (error) {
    try {
      discardStaged(ctx.sqlite, dataset, staged);
    } catch {
      // the database went away (closed under the import): the next core to open it removes the rows
    }
    throw error;
  }
}
