/**
 * Which text encoding a CSV file uses, from its first bytes. Offices export with Excel or WPS
 * on Chinese Windows, which write GB18030/GBK unless told otherwise, and with newer tools that
 * write UTF-8; nothing in the file says which, so we look.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** How much of the file the guess is based on. */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * A BOM decides; otherwise bytes that are valid UTF-8 are UTF-8, because GB18030 text with
 * Chinese in it is practically never valid UTF-8, while the reverse does not hold.
 * `complete` says the sample is the whole file; if not, a character cut at the sample's end
 * is not counted against UTF-8.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Text files never hold NUL bytes outside UTF-16; a file that does is a binary one renamed. */
export function looksBinary(sample: Uint8Array, encoding: TextEncoding): boolean {
  return encoding !== 'utf-16le' && encoding !== 'utf-16be' && sample.includes(0);
}

export function decodeSample(sample: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), encoding);
}

/**
 * Excel's "Unicode text" export, which users save as .txt, separates columns with tabs. The
 * header line decides, as it holds no quoted commas in practice.
 */
export function detectDelimiter(text: string): ',' | '\t' {
  const firstLine = text.replace(/^[\s\uFEFF]+/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (c: string): number => firstLine.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}
