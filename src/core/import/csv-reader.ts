/**
 * CSV (and tab-separated .txt) records, streamed: a million-row disbursement file is read a
 * chunk at a time from disk, decoded, parsed and handed on, never held whole in memory.
 */
import { createReadStream } from 'node:fs';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { decodeSample, detectDelimiter, detectEncoding, looksBinary, SAMPLE_BYTES } from './encoding';
import { asUnreadable, unreadable } from './failures';
import { bytesStream, readHead, type RawRecord, type RecordSource, type TableSource } from './source';

/**
 * Far above any real row; reached only when a stray opening quote would otherwise swallow the
 * rest of the file into one field.
 */
const MAX_RECORD_BYTES = 1024 * 1024;

export async function openCsv(source: TableSource, file: string): Promise<RecordSource> {
  const { head, complete } = await readHead(source, file, SAMPLE_BYTES);
  const encoding = detectEncoding(head, complete);
  if (looksBinary(head, encoding)) throw unreadable(file);
  const delimiter = detectDelimiter(decodeSample(head, encoding));

  const input: Readable = 'path' in source ? createReadStream(source.path, { highWaterMark: SAMPLE_BYTES }) : bytesStream(source.bytes);
  const parser = parse({
    bom: true,
    delimiter,
    // Files edited on different machines mix line endings.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // `张"三` in an unquoted field is a typo in the data, not a reason to refuse the file.
    relax_quotes: true,
    // Kept, so that row numbers match the rows the user sees; the table reader skips them.
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
  });
  const stages: (Readable | Transform | NodeJS.ReadWriteStream)[] =
    encoding === 'utf-8' ? [input, parser] : [input, iconv.decodeStream(encoding), parser];
  // Failures reach the reader through the parser, which pipeline destroys with the error.
  pipeline(stages, () => {});

  let closed = false;
  async function* records(): AsyncGenerator<RawRecord, void, undefined> {
    let rowNumber = 0;
    try {
      for await (const cells of parser as AsyncIterable<string[]>) {
        rowNumber += 1;
        yield { rowNumber, cells };
      }
    } catch (error) {
      // Destroying the parser under a pending read is how close() stops it, not a broken file.
      if (closed) return;
      throw asUnreadable(error, file, rowNumber + 1);
    }
  }

  return {
    records: records(),
    destroy: () => {
      closed = true;
      input.destroy();
      parser.destroy();
    },
  };
}
