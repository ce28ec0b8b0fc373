/**
 * CSV records from decoded text, fed a chunk at a time. Written for speed on the shape of real
 * exports (a million lines without a quote in them) while reading what Excel and WPS read:
 * RFC 4180 quoting, `\r\n`, `\n` or `\r` between records (mixed in one file), a stray quote
 * inside an unquoted field kept as text, text after a closing quote kept (`"abc"def` is
 * `abcdef`), rows of any length. An empty line is a record of one empty cell, so that record
 * numbers stay the row numbers a user sees.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A record that never ends: an opening quote that is never closed, or a record over the size limit. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based number of the record that could not be read */
    readonly record: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Far above any real row; reached only when a stray opening quote would swallow the rest of the file. */
export const MAX_RECORD_CHARS = 1024 * 1024;

export class CsvParser {
  private rest = '';
  private started = false;
  /** records returned so far */
  private count = 0;
  private readonly delimiterCode: number;

  constructor(private readonly delimiter: ',' | '\t') {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /**
   * Appends the complete records in `text` (after what was left over from earlier chunks) to
   * `out`, and returns the text they were read from (whole records: parsed again, it gives the
   * same records). With `final`, the text is the end of the file: a last record without a line
   * break is complete, an unclosed quote is an error.
   */
  push(text: string, final: boolean, out: string[][]): string {
    let s = this.rest === '' ? text : this.rest + text;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const n = s.length;
    const delimiter = this.delimiter;
    let pos = 0;
    // where the next line feed is, found again only once passed (-1: none up to the end)
    let lf = -2;
    let crAhead: boolean | undefined;
    while (pos < n) {
      if (lf !== -1 && lf < pos) lf = s.indexOf('\n', pos);
      if (lf === -1 && !final && !(crAhead ??= s.indexOf('\r', pos) !== -1)) break;
      const end = lf === -1 ? n : lf;
      const lineEnd = end > pos && s.charCodeAt(end - 1) === CR ? end - 1 : end;
      const line = s.slice(pos, lineEnd);
      // Fast path: a whole line without quotes or carriage returns is one record.
      if (lf !== -1 && line.indexOf('"') === -1 && line.indexOf('\r') === -1) {
        out.push(line.split(delimiter));
        this.count++;
        pos = lf + 1;
        continue;
      }
      const next = this.record(s, pos, final, out);
      if (next < 0) break;
      pos = next;
    }
    this.rest = pos === 0 ? s : s.slice(pos);
    if (this.rest.length > MAX_RECORD_CHARS) throw new CsvSyntaxError('record too long', this.count + 1);
    if (final && this.rest !== '') throw new CsvSyntaxError('unterminated record', this.count + 1);
    return pos === n ? s : s.slice(0, pos);
  }

  /**
   * Reads one record starting at `pos` and returns where the next one starts, or -1 when the
   * text ends inside the record and more is to come.
   */
  private record(s: string, pos: number, final: boolean, out: string[][]): number {
    const n = s.length;
    const d = this.delimiterCode;
    const cells: string[] = [];
    let field = '';
    let i = pos;
    let atFieldStart = true;
    for (;;) {
      if (i >= n) {
        if (!final) return -1;
        cells.push(field);
        out.push(cells);
        this.count++;
        return n;
      }
      const c = s.charCodeAt(i);
      if (c === QUOTE && atFieldStart) {
        atFieldStart = false;
        i++;
        for (;;) {
          const q = s.indexOf('"', i);
          if (q === -1) {
            if (!final) return -1;
            throw new CsvSyntaxError('unclosed quote', this.count + 1);
          }
          field += s.slice(i, q);
          if (q + 1 === n && !final) return -1; // `""` or the closing quote: the next chunk tells
          if (s.charCodeAt(q + 1) === QUOTE) {
            field += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        continue;
      }
      if (c === d) {
        cells.push(field);
        field = '';
        atFieldStart = true;
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        if (c === CR && i + 1 === n && !final) return -1; // `\r\n` cut between chunks
        cells.push(field);
        out.push(cells);
        this.count++;
        return c === CR && s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      }
      // Plain text up to the next character that matters.
      let j = i + 1;
      while (j < n) {
        const k = s.charCodeAt(j);
        if (k === d || k === LF || k === CR) break;
        j++;
      }
      field += s.slice(i, j);
      atFieldStart = false;
      i = j;
    }
  }
}
