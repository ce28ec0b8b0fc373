/**
 * One way to read a tabular file, whatever its format: a header row and then the data rows as
 * text cells, streamed. Every dataset import (people, disbursements, deaths …) builds on this and
 * parses the cells with ./normalize.
 */
import { extname } from 'node:path';
import { openCsv } from './csv-reader';
import { noHeader, unreadable } from './failures';
import type { RawRecord, RecordSource, TableSource } from './source';
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
  /** Data rows after the header, blank rows skipped. Read once. */
  rows: AsyncIterable<TableRow>;
  /** Releases the file; needed only when the rows are not read to the end. */
  close(): Promise<void>;
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

const isBlank = (cells: string[]): boolean => cells.every((cell) => cell.trim() === '');

async function readHeader(records: AsyncIterator<RawRecord>, file: string): Promise<string[]> {
  for (;;) {
    const next = await records.next();
    if (next.done) throw noHeader(file);
    if (isBlank(next.value.cells)) continue;
    const headers = next.value.cells.map((cell) => cell.trim());
    while (headers.at(-1) === '') headers.pop();
    return headers;
  }
}

async function* dataRows(source: RecordSource, width: number): AsyncGenerator<TableRow, void, undefined> {
  try {
    for await (const { rowNumber, cells } of source.records) {
      if (isBlank(cells)) continue;
      while (cells.length < width) cells.push('');
      yield { rowNumber, cells };
    }
  } finally {
    source.destroy();
  }
}

/**
 * Opens a CSV, TXT or XLSX file and reads its header row. The format comes from `fileName`'s
 * extension (a picked file's name; the path may be a temporary copy).
 *
 * Throws FILE_UNREADABLE (other extension, missing or corrupt file, unknown sheet: details
 * `{ sheet }`) or FILE_NO_HEADER (empty file or only blank rows). Reading the rows can still
 * throw FILE_UNREADABLE with the `row` where the file turned out to be broken.
 */
export async function openTable(source: TableSource, fileName: string, options: OpenTableOptions = {}): Promise<Table> {
  const format = formatOf(fileName);
  if (!format) throw unreadable(fileName);
  const records = format === 'csv' ? await openCsv(source, fileName) : await openXlsx(source, fileName, options.sheet);

  let headers: string[];
  try {
    headers = await readHeader(records.records, fileName);
  } catch (error) {
    records.destroy();
    throw error;
  }

  const rows = dataRows(records, headers.length);
  return {
    format,
    headers,
    rows,
    close: async () => {
      records.destroy();
      await rows.return();
    },
  };
}
