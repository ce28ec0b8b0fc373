/** What every format reader hands to the table reader: raw records, in file order. */
import { Readable } from 'node:stream';
import { open, stat } from 'node:fs/promises';
import { asUnreadable, noHeader, unreadable } from './failures';

export type TableSource = { path: string } | { bytes: Uint8Array };

export interface RawRecord {
  /** 1-based row as the user sees it when opening the file in Excel or WPS. */
  rowNumber: number;
  cells: string[];
}

export interface RecordBatch {
  records: RawRecord[];
  /** CSV: the decoded text the records were parsed from, whole records; XLSX: null */
  text: string | null;
}

export interface RecordSource {
  /** The records in file order, a batch at a time (a row at a time costs too much on a million rows). */
  batches: AsyncGenerator<RecordBatch, void, undefined>;
  /** CSV: the column separator */
  delimiter: ',' | '\t' | null;
  /** Releases the file at once, wherever reading stands; safe to call twice. */
  destroy(): void;
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
  /** XLSX: the workbook's sheets in tab order, once the one read is found; CSV: none. */
  sheets(): string[];
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** One chunk stream over bytes already in memory, so both sources go through the same pipeline. */
export function bytesStream(bytes: Uint8Array): Readable {
  return Readable.from([asBuffer(bytes)], { objectMode: false });
}

/**
 * The first bytes of the source and whether they are all of it. A missing path, a folder or an
 * unreadable file is FILE_UNREADABLE; an empty file is FILE_NO_HEADER, as it has no header row.
 */
export async function readHead(source: TableSource, file: string, length: number): Promise<{ head: Uint8Array; complete: boolean }> {
  if ('bytes' in source) {
    if (source.bytes.byteLength === 0) throw noHeader(file);
    return { head: source.bytes.subarray(0, length), complete: source.bytes.byteLength <= length };
  }
  let handle;
  try {
    const info = await stat(source.path);
    if (!info.isFile()) throw unreadable(file);
    if (info.size === 0) throw noHeader(file);
    handle = await open(source.path, 'r');
    const buffer = Buffer.alloc(Math.min(length, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, bytesRead), complete: bytesRead >= info.size };
  } catch (error) {
    throw asUnreadable(error, file);
  } finally {
    await handle?.close();
  }
}
