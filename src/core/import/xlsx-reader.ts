/**
 * XLSX records through exceljs's streaming reader: rows are parsed from the zip as it is read,
 * so a sheet of a million rows never becomes a workbook in memory (only its shared-string
 * table does, which the format requires).
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { AppError } from '../api/errors';
import { cellText } from './cell-text';
import { asUnreadable, unreadable } from './failures';
import { bytesStream, readHead, type RawRecord, type RecordBatch, type RecordSource, type TableSource } from './source';

/** The parts of exceljs's streaming reader used here, which its typings leave out. */
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
}
interface BookReader extends AsyncIterable<SheetReader> {
  model?: { sheets?: { name?: string }[] };
}

/** Rows handed on at a time. */
const BATCH_ROWS = 1000;

function rowCells(row: ExcelJS.Row): string[] {
  // Sparse and 1-based: index 0 is always empty, gaps are blank cells.
  const values = row.values as unknown[];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  return cells;
}

export async function openXlsx(source: TableSource, file: string, sheet: string | undefined): Promise<RecordSource> {
  // Also rejects missing and empty files up front: exceljs never settles on an empty stream.
  await readHead(source, file, 4);
  // loaded on first use: most commands never read a workbook, and exceljs is slow to load
  const { default: Excel } = await import('exceljs');

  /** One pass of exceljs's streaming reader over the file. */
  function startReading() {
    const input: Readable & { bytesRead?: number } = 'path' in source ? createReadStream(source.path) : bytesStream(source.bytes);
    // exceljs pipes the input into its unzip stream, and a pipe forwards neither errors nor
    // destruction: a read error or a close() would leave its iterators waiting forever. So every
    // wait on exceljs also watches the input and close().
    let closeNow = (): void => {};
    const interrupted = new Promise<IteratorReturnResult<undefined>>((resolve, reject) => {
      input.on('error', reject);
      closeNow = () => resolve({ done: true, value: undefined });
    });
    interrupted.catch(() => {}); // observed through `watched`; unobserved when nothing goes wrong
    const watched = <T>(next: Promise<IteratorResult<T>>): Promise<IteratorResult<T>> => Promise.race([next, interrupted]);
    const book = new Excel.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Needed to tell date cells from numbers: the number format lives in the styles.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as BookReader;
    return { input, closeNow, watched, book, sheets: book[Symbol.asyncIterator]() };
  }
  let reading = startReading();

  /** The sheet asked for (or the first tab) in the current pass. */
  async function sheetOf(pass: ReturnType<typeof startReading>): Promise<SheetReader> {
    for (;;) {
      const next = await pass.watched(pass.sheets.next());
      if (next.done) break;
      // Sheets are stored in creation order; "the first sheet" is the first tab, per workbook.xml.
      const wanted = sheet ?? pass.book.model?.sheets?.[0]?.name ?? next.value.name;
      if (next.value.name === wanted) return next.value;
      // Read through, not skipped: exceljs removes a sheet's temp file as soon as the next one
      // is asked for, racing the unread file's opening into an uncaught ENOENT.
      const rows = next.value[Symbol.asyncIterator]();
      while (!(await pass.watched(rows.next())).done);
    }
    // A zip without the sheet: either a named sheet the workbook lacks, or not a workbook at all.
    throw sheet === undefined ? unreadable(file) : new AppError('FILE_UNREADABLE', { sheet });
  }

  async function findSheet(): Promise<SheetReader> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await sheetOf(reading);
      } catch (error) {
        if (error instanceof AppError) throw error;
        // exceljs's streaming reader now and then loses workbook.xml when it reads sheets back
        // from its temp files (a race of its own, 1 open in 50 to 200 here): another pass reads it
        if (attempt < 3 && error instanceof TypeError) {
          reading.closeNow();
          reading.input.destroy(); // the failed pass has read its input to the end
          reading = startReading();
          continue;
        }
        throw asUnreadable(error, file);
      }
    }
  }

  async function* batches(): AsyncGenerator<RecordBatch, void, undefined> {
    const rows = (await findSheet())[Symbol.asyncIterator]();
    let rowNumber = 0;
    let batch: RawRecord[] = [];
    try {
      for (;;) {
        const next = await reading.watched(rows.next());
        if (next.done) break;
        rowNumber = next.value.number;
        batch.push({ rowNumber, cells: rowCells(next.value) });
        if (batch.length === BATCH_ROWS) {
          yield { records: batch, text: null };
          batch = [];
        }
      }
      if (batch.length > 0) yield { records: batch, text: null };
    } catch (error) {
      throw asUnreadable(error, file, rowNumber + 1);
    } finally {
      // Not awaited: after an input failure exceljs's own iterator never settles.
      void rows.return?.()?.catch(() => {});
    }
  }

  return {
    batches: batches(),
    delimiter: null,
    destroy: () => {
      reading.closeNow();
      // Not input.destroy(): exceljs keeps sheets it meets before the shared strings in temp
      // files and reads them back later; cutting its input races that read against the temp
      // files' removal, an uncaught ENOENT that would take the process down. Left unread, the
      // reader just waits, and its temp files go when the process exits.
    },
    bytesRead: () => reading.input.bytesRead ?? 0,
    sheets: () => (reading.book.model?.sheets ?? []).map((s) => s.name ?? '').filter((name) => name !== ''),
  };
}
