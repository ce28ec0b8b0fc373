/**
 * CSV (and tab-separated .txt) records, streamed: a million-row disbursement file is read a
 * chunk at a time from disk, decoded, parsed and handed on in batches, never held whole in
 * memory.
 */
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { CsvParser, CsvSyntaxError } from './csv-parser';
import { decodeSample, detectDelimiter, detectEncoding, looksBinary, SAMPLE_BYTES, type TextEncoding } from './encoding';
import { asUnreadable, unreadable } from './failures';
import { asBuffer, readHead, type RecordBatch, type RecordSource, type TableSource } from './source';

/** Bytes read from disk at a time: about 350 disbursement rows, one batch. */
const CHUNK_BYTES = 64 * 1024;

interface Decoder {
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * The platform's decoder where it has one (Node with full ICU, Electron): on a million GB18030
 * rows it is much faster than iconv-lite's, which remains for a Node built without ICU.
 */
function decoderFor(encoding: TextEncoding): Decoder {
  try {
    const decoder = new TextDecoder(encoding);
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  } catch {
    const decoder = iconv.getDecoder(encoding);
    return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
  }
}

export async function openCsv(source: TableSource, file: string): Promise<RecordSource> {
  const { head, complete } = await readHead(source, file, SAMPLE_BYTES);
  const encoding = detectEncoding(head, complete);
  if (looksBinary(head, encoding)) throw unreadable(file);
  const delimiter = detectDelimiter(decodeSample(head, encoding));
  let bytesRead = 0;
  let closed = false;
  let release = (): void => {};

  async function* bytes(): AsyncGenerator<Buffer, void, undefined> {
    if ('bytes' in source) {
      const all = asBuffer(source.bytes);
      for (let at = 0; at < all.length && !closed; at += CHUNK_BYTES) {
        const chunk = all.subarray(at, at + CHUNK_BYTES);
        bytesRead += chunk.length;
        yield chunk;
      }
      return;
    }
    const handle = await open(source.path, 'r');
    release = () => void handle.close().catch(() => {});
    try {
      for (;;) {
        // a fresh buffer each time: the decoder and the strings cut from it may still refer to the last one
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        const { bytesRead: n } = await handle.read(buffer, 0, CHUNK_BYTES, null);
        if (n === 0 || closed) return;
        bytesRead += n;
        yield buffer.subarray(0, n);
      }
    } finally {
      release();
    }
  }

  async function* batches(): AsyncGenerator<RecordBatch, void, undefined> {
    const parser = new CsvParser(delimiter);
    const decoder = decoderFor(encoding);
    let rowNumber = 0;
    const batch = (records: string[][], text: string): RecordBatch => ({ records: records.map((cells) => ({ rowNumber: ++rowNumber, cells })), text });
    try {
      for await (const chunk of bytes()) {
        const records: string[][] = [];
        const text = parser.push(decoder.write(chunk), false, records);
        if (closed) return;
        if (records.length > 0) yield batch(records, text);
      }
      if (closed) return;
      const records: string[][] = [];
      const text = parser.push(decoder.end(), true, records);
      if (records.length > 0) yield batch(records, text);
    } catch (error) {
      if (closed) return;
      throw asUnreadable(error, file, error instanceof CsvSyntaxError ? error.record : rowNumber + 1);
    }
  }

  return {
    batches: batches(),
    delimiter,
    destroy: () => {
      closed = true;
      release();
    },
    bytesRead: () => bytesRead,
    sheets: () => [],
  };
}
