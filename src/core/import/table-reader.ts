/**
 * One way to read a tabular file, whatever its format: a header row and then the data rows as
 * text cells, streamed. Every dataset import (people, disbursements, deaths …) builds on this and
 * parses the cells with ./normalize.
 */
import { extname } from 'node:path';
import { CsvParser } from './csv-parser';
import { openCsv } from './csv-reader';
import { noHeader, unreadable } from './failures';
import type { RawRecord, RecordBatch, RecordSource, TableSource } from './source';
import { openXlsx } from './xlsx-reader';

export type { TableSource } from './source';

export type TableFormat = 'csv' | 'xlsx';

export interface TableRow {
  /** 1-based row in the file, as Excel or WPS shows it; the header is row 1 when it is the first line. */
  rowNumber: number;
  /** At least as many cells as headers, blanks as ''; never trimmed or otherwise changed. */
  cells: string[];
}

export interface Table {
  format: TableFormat;
  /** The first non-blank row, each cell trimmed, trailing blank cells dropped. */
  headers: string[];
  /** Data rows after the header, blank rows skipped. Read once: this or `batches`, not both. */
  rows: AsyncIterable<TableRow>;
  /** The same rows a batch at a time, for bulk imports. */
  batches: AsyncIterable<TableBatch>;
  /** CSV: the column separator, for rowsOfCsvText; XLSX: null */
  delimiter: ',' | '\t' | null;
  /** XLSX: the workbook's sheet names in tab order; CSV: none. */
  sheets: string[];
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
  /** Releases the file; needed only when the rows are not read to the end. */
  close(): Promise<void>;
}

export interface TableBatch {
  rows: TableRow[];
  /**
   * CSV: the decoded text of the batch's records (blank ones included) and the row number of the
   * first, from which rowsOfCsvText gives the same rows again; null for XLSX and for the batch
   * that held the header.
   */
  source: { text: string; firstRow: number } | null;
}

export interface OpenTableOptions {
  /** XLSX only: the sheet to read instead of the first one. */
  sheet?: string;
}

function formatOf(fileName: string): TableFormat | undefined {
  switch (extname(fileName).toLowerCase()) {
    case '.csv':
    case '.txt':
      return 'csv';
    case '.xlsx':
      return 'xlsx';
    default:
      return undefined;
  }
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

/** The header row, and the records of its batch that follow it. */
async function readHeader(batches: AsyncIterator<RecordBatch>, file: string): Promise<{ headers: string[]; after: RawRecord[] }> {
  for (;;) {
    const next = await batches.next();
    if (next.done) throw noHeader(file);
    const { records } = next.value;
    const at = records.findIndex((record) => !isBlank(record.cells));
    if (at < 0) continue;
    const headers = records[at]!.cells.map((cell) => cell.trim());
    while (headers.at(-1) === '') headers.pop();
    return { headers, after: records.slice(at + 1) };
  }
}

/** The data rows of records: blank ones skipped, short ones padded to the header's width. */
function dataRows(records: RawRecord[], width: number): TableRow[] {
  const rows: TableRow[] = [];
  for (const record of records) {
    const { cells } = record;
    if (isBlank(cells)) continue;
    while (cells.length < width) cells.push('');
    rows.push(record);
  }
  return rows;
}

async function* dataBatches(source: RecordSource, first: RawRecord[], width: number): AsyncGenerator<TableBatch, void, undefined> {
  try {
    const rows = dataRows(first, width);
    if (rows.length > 0) yield { rows, source: null };
    for await (const { records, text } of source.batches) {
      const batch = dataRows(records, width);
      if (batch.length > 0) yield { rows: batch, source: text === null ? null : { text, firstRow: records[0]!.rowNumber } };
    }
  } finally {
    source.destroy();
  }
}

/** The rows of a TableBatch's source text, read again (on another thread than the one that read the file). */
export function rowsOfCsvText(text: string, firstRow: number, delimiter: ',' | '\t', width: number): TableRow[] {
  const records: string[][] = [];
  new CsvParser(delimiter).push(text, true, records);
  return dataRows(
    records.map((cells, i) => ({ rowNumber: firstRow + i, cells })),
    width,
  );
}

async function* eachRow(batches: AsyncIterable<TableBatch>): AsyncGenerator<TableRow, void, undefined> {
  for await (const batch of batches) yield* batch.rows;
}

/**
 * Opens a CSV, TXT or XLSX file and reads its header row. The format comes from `fileName`'s
 * extension (a picked file's name; the path may be a temporary copy).
 *
 * Throws FILE_UNREADABLE (other extension, missing or corrupt file, unknown sheet: details
 * `{ sheet }`) or FILE_NO_HEADER (empty file or only blank rows). Reading the rows can still
 * throw FILE_UNREADABLE with the `row` where the file turned out to be broken.
 */
export async function openTable(input: TableSource, fileName: string, options: OpenTableOptions = {}): Promise<Table> {
  const format = formatOf(fileName);
  if (!format) throw unreadable(fileName);
  const source = format === 'csv' ? await openCsv(input, fileName) : await openXlsx(input, fileName, options.sheet);
  let header: { headers: string[]; after: RawRecord[] };
  try {
    header = await readHeader(source.batches, fileName);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const batches = dataBatches(source, header.after, header.headers.length);
  const rows = eachRow(batches);
  return {
    format,
    headers: header.headers,
    rows,
    batches,
    delimiter: source.delimiter,
    sheets: source.sheets(),
    bytesRead: () => source.bytesRead(),
    close: async () => {
      source.destroy();
      await rows.return();
      await batches.return();
    },
  };
}
