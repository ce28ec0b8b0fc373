/**
 * A CSV file written row by row in chunks, in UTF-8 or GB18030 (as the civil-affairs systems
 * export): a million rows never sit in memory as one string.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf8' | 'gb18030';

const FLUSH_ROWS = 4096;

function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export class CsvFileWriter {
  private readonly fd: number;
  private pending: string[] = [];
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
    private readonly encoding: CsvEncoding,
  ) {
    this.fd = fs.openSync(path, 'w');
    this.line(header);
  }

  row(cells: readonly string[]): void {
    this.line(cells);
    this.rows += 1;
  }

  private line(cells: readonly string[]): void {
    this.pending.push(cells.map(cell).join(','));
    if (this.pending.length >= FLUSH_ROWS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\r\n')}\r\n`;
    this.pending = [];
    const bytes = this.encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
    fs.writeSync(this.fd, bytes);
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
