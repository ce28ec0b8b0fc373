import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import { mapHeaders, requireColumns, type FieldSpec } from './headers';
import { parseAmountFen, parseDate } from './normalize';
import { openTable, type Table, type TableRow } from './table-reader';

let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-table-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function readAll(table: Table): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

/** Opens and reads to the end, so a failure at either stage surfaces. */
async function openAndRead(...args: Parameters<typeof openTable>): Promise<TableRow[]> {
  return readAll(await openTable(...args));
}

const PEOPLE_CSV = '姓名,身份证号,工作单位\n张三,ID-0001,某某局\n李四,ID-0002,某某委\n';

describe('CSV', () => {
  it('reads UTF-8 with a BOM, numbering rows from the header as row 1', async () => {
    writeFileSync(file('bom.csv'), `\uFEFF${PEOPLE_CSV}`);
    const table = await openTable({ path: file('bom.csv') }, 'bom.csv');
    expect(table.format).toBe('csv');
    expect(table.headers).toEqual(['姓名', '身份证号', '工作单位']);
    expect(await readAll(table)).toEqual([
      { rowNumber: 2, cells: ['张三', 'ID-0001', '某某局'] },
      { rowNumber: 3, cells: ['李四', 'ID-0002', '某某委'] },
    ]);
  });

  it('reads UTF-8 without a BOM, CRLF lines, quoted commas and line breaks', async () => {
    writeFileSync(file('crlf.csv'), '姓名,备注\r\n张三,"住址：甲街,1号"\r\n李四,"第一行\r\n第二行"\r\n王五,"说""好"""\r\n');
    const rows = await openAndRead({ path: file('crlf.csv') }, 'crlf.csv');
    expect(rows.map((r) => r.cells)).toEqual([
      ['张三', '住址：甲街,1号'],
      ['李四', '第一行\r\n第二行'],
      ['王五', '说"好"'],
    ]);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
  });

  it('detects GB18030, as Excel and WPS save CSV on Chinese Windows', async () => {
    const text = '姓名,村（社区）,发放金额(元)\n张三,幸福村,"1,234.50"\n𠀀丽,和平社区,88\n';
    writeFileSync(file('gbk.csv'), iconv.encode(text, 'gb18030'));
    const table = await openTable({ path: file('gbk.csv') }, 'gbk.csv');
    expect(table.headers).toEqual(['姓名', '村（社区）', '发放金额(元)']);
    expect((await readAll(table)).map((r) => r.cells)).toEqual([
      ['张三', '幸福村', '1,234.50'],
      ['𠀀丽', '和平社区', '88'],
    ]);
  });

  it('tells UTF-8 from GB18030 even when a character straddles the 64 KiB sample', async () => {
    // UTF-8: 8 header bytes + 65,526 filler bytes, so 张 takes bytes 65,534–65,536 and the sample cuts it.
    const filler = 'a,b\n'.repeat(16381) + 'x,';
    const text = `甲,乙\n${filler}张三\n`;
    writeFileSync(file('long-utf8.csv'), text);
    writeFileSync(file('long-gbk.csv'), iconv.encode(text, 'gb18030'));
    for (const name of ['long-utf8.csv', 'long-gbk.csv']) {
      const table = await openTable({ path: file(name) }, name);
      expect(table.headers).toEqual(['甲', '乙']);
      const rows = await readAll(table);
      expect(rows.at(-1)?.cells).toEqual(['x', '张三']);
    }
  });

  it('skips blank lines but keeps counting them, and pads short rows', async () => {
    writeFileSync(file('blank.csv'), '\n姓名,身份证号,电话\n\n张三,ID-0001\n  \n,,\n李四,ID-0002,123,extra\n\n');
    const table = await openTable({ path: file('blank.csv') }, 'blank.csv');
    expect(table.headers).toEqual(['姓名', '身份证号', '电话']);
    expect(await readAll(table)).toEqual([
      { rowNumber: 4, cells: ['张三', 'ID-0001', ''] },
      { rowNumber: 7, cells: ['李四', 'ID-0002', '123', 'extra'] },
    ]);
  });

  it('trims headers and drops trailing blank header cells, leaving data cells as written', async () => {
    writeFileSync(file('trim.csv'), ' 姓名 ,身份证号,,\n 张三 ,ID-0001,,\n');
    const table = await openTable({ path: file('trim.csv') }, 'trim.csv');
    expect(table.headers).toEqual(['姓名', '身份证号']);
    expect((await readAll(table))[0]?.cells).toEqual([' 张三 ', 'ID-0001', '', '']);
  });

  it('reads Excel "Unicode text" (.txt, UTF-16 with tabs)', async () => {
    const text = '姓名\t身份证号\r\n张三\tID-0001\r\n';
    writeFileSync(file('unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const table = await openTable({ path: file('unicode.txt') }, 'unicode.txt');
    expect(table.headers).toEqual(['姓名', '身份证号']);
    expect((await readAll(table)).map((r) => r.cells)).toEqual([['张三', 'ID-0001']]);
  });

  it('reads bytes already in memory', async () => {
    const table = await openTable({ bytes: iconv.encode(PEOPLE_CSV, 'gb18030') }, '人员.CSV');
    expect(table.headers).toEqual(['姓名', '身份证号', '工作单位']);
    expect(await readAll(table)).toHaveLength(2);
  });

  it('tolerates a stray quote inside an unquoted field', async () => {
    writeFileSync(file('quote.csv'), '姓名,备注\n张"三,x\n');
    expect((await openAndRead({ path: file('quote.csv') }, 'quote.csv'))[0]?.cells).toEqual(['张"三', 'x']);
  });

  it('fails with the row where an unclosed quote leaves the file unreadable', async () => {
    writeFileSync(file('unclosed.csv'), '姓名,备注\n张三,ok\n李四,"never closed\n');
    const error = await appErrorOf(openAndRead({ path: file('unclosed.csv') }, 'unclosed.csv'));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.details).toEqual({ file: 'unclosed.csv', row: 3 });
  });

  it('refuses a binary file named .csv', async () => {
    writeFileSync(file('binary.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    expect((await appErrorOf(openTable({ path: file('binary.csv') }, 'binary.csv'))).code).toBe('FILE_UNREADABLE');
  });

  it('matches header aliases through mapHeaders', async () => {
    const fields: FieldSpec[] = [
      { key: 'name', label: '姓名', aliases: ['领取人姓名'], required: true },
      { key: 'id_number', label: '身份证号', aliases: ['公民身份号码', '证件号码'], required: true },
      { key: 'village', label: '村社区', aliases: ['村(社区)', '行政村'], required: true },
      { key: 'amount', label: '发放金额', aliases: ['金额', '发放金额(元)'], required: true },
    ];
    writeFileSync(file('alias.csv'), '序号,领取人姓名,证件号码,村（社区）,发放金额（元）\n1,张三,ID-0001,幸福村,"1,234.5元"\n');
    const table = await openTable({ path: file('alias.csv') }, 'alias.csv');
    const mapping = mapHeaders(table.headers, fields);
    const columns = requireColumns(mapping);
    expect(columns).toEqual({ name: 1, id_number: 2, village: 3, amount: 4 });
    expect(mapping.unknown).toEqual(['序号']);
    const [row] = await readAll(table);
    expect(parseAmountFen(row!.cells[columns.amount!]!)).toEqual({ ok: true, value: 123450 });
  });
});

describe('XLSX', () => {
  const DAY = new Date(Date.UTC(2026, 2, 5));

  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const people = book.addWorksheet('人员');
    people.addRow(['姓名', '出生日期', '金额', '大数', '小数', '公式', '富文本', '布尔', '链接', '错误']);
    people.addRow([
      '张三',
      DAY,
      1234.5,
      123456789012345,
      1e-7,
      { formula: 'C2*2', result: 2469 },
      { richText: [{ text: '幸福' }, { font: { bold: true }, text: '村' }] },
      true,
      { text: '主页', hyperlink: 'https://example.invalid/' },
      { error: '#N/A' },
    ]);
    people.addRow([]);
    people.addRow(['李四', 46086, 0.1 + 0.2]);
    const other = book.addWorksheet('第二页');
    other.addRow(['单位代码', '单位名称']);
    other.addRow(['U001', '某某局']);
    book.addWorksheet('空白');
    await book.xlsx.writeFile(file('book.xlsx'));
  });

  it('reads the first sheet, with dates, numbers, rich text and formulas as text', async () => {
    const table = await openTable({ path: file('book.xlsx') }, 'book.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.headers).toEqual(['姓名', '出生日期', '金额', '大数', '小数', '公式', '富文本', '布尔', '链接', '错误']);
    const rows = await readAll(table);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: ['张三', '2026-03-05', '1234.5', '123456789012345', '0.0000001', '2469', '幸福村', 'TRUE', '主页', '#N/A'],
      },
      // Row 3 is blank and skipped; a date typed as a plain number stays Excel's serial.
      { rowNumber: 4, cells: ['李四', '46086', '0.3', '', '', '', '', '', '', ''] },
    ]);
    expect(parseDate(rows[1]!.cells[1]!, { excelSerial: true })).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseAmountFen(rows[1]!.cells[2]!)).toEqual({ ok: true, value: 30 });
  });

  it('reads a named sheet', async () => {
    const table = await openTable({ path: file('book.xlsx') }, 'book.xlsx', { sheet: '第二页' });
    expect(table.headers).toEqual(['单位代码', '单位名称']);
    expect(await readAll(table)).toEqual([{ rowNumber: 2, cells: ['U001', '某某局'] }]);
  });

  it('refuses an unknown sheet name', async () => {
    const error = await appErrorOf(openTable({ path: file('book.xlsx') }, 'book.xlsx', { sheet: '不存在' }));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.details).toEqual({ sheet: '不存在' });
  });

  it('reports an empty sheet as having no header', async () => {
    const error = await appErrorOf(openTable({ path: file('book.xlsx') }, 'book.xlsx', { sheet: '空白' }));
    expect(error.code).toBe('FILE_NO_HEADER');
  });

  it('reads bytes already in memory', async () => {
    const table = await openTable({ bytes: readFileSync(file('book.xlsx')) }, 'upload.XLSX', { sheet: '第二页' });
    expect(await readAll(table)).toHaveLength(1);
  });

  it('reads the first tab even when it is not the first sheet stored', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('后建').addRow(['b']);
    book.addWorksheet('先建').addRow(['a']);
    // exceljs stores sheets in creation order; orderNo sets the tab order in workbook.xml.
    const tab = (name: string) => book.getWorksheet(name) as ExcelJS.Worksheet & { orderNo: number };
    tab('先建').orderNo = 0;
    tab('后建').orderNo = 1;
    await book.xlsx.writeFile(file('order.xlsx'));
    const table = await openTable({ path: file('order.xlsx') }, 'order.xlsx');
    expect(table.headers).toEqual(['a']);
    await table.close();
  });

  it('reads a workbook without shared strings', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('数字');
    sheet.addRow([1, 2]);
    sheet.addRow([3, 4]);
    await book.xlsx.writeFile(file('numbers.xlsx'));
    const table = await openTable({ path: file('numbers.xlsx') }, 'numbers.xlsx');
    expect(table.headers).toEqual(['1', '2']);
    expect(await readAll(table)).toEqual([{ rowNumber: 2, cells: ['3', '4'] }]);
  });

  it('refuses corrupt and truncated workbooks without crashing', async () => {
    const good = readFileSync(file('book.xlsx'));
    const flipped = Buffer.from(good);
    for (let i = 600; i < flipped.length - 400; i += 37) flipped[i]! ^= 0x55;
    const cases: [string, Uint8Array][] = [
      ['text.xlsx', Buffer.from('这不是一个表格文件'.repeat(50))],
      ['half.xlsx', good.subarray(0, good.length >> 1)],
      ['tiny.xlsx', good.subarray(0, 3)],
      ['header-only.xlsx', Buffer.from('PK\x03\x04')],
      ['flipped.xlsx', flipped],
    ];
    for (const [name, bytes] of cases) {
      writeFileSync(file(name), bytes);
      const error = await appErrorOf(openAndRead({ path: file(name) }, name));
      expect(error.code, name).toBe('FILE_UNREADABLE');
    }
  });
});

describe('files that cannot be tables', () => {
  it('reports an empty file as having no header', async () => {
    writeFileSync(file('empty.csv'), '');
    writeFileSync(file('empty.xlsx'), '');
    writeFileSync(file('blank-lines.csv'), '\n \n,,\r\n');
    for (const name of ['empty.csv', 'empty.xlsx', 'blank-lines.csv']) {
      expect((await appErrorOf(openTable({ path: file(name) }, name))).code, name).toBe('FILE_NO_HEADER');
    }
    expect((await appErrorOf(openTable({ bytes: new Uint8Array() }, 'x.csv'))).code).toBe('FILE_NO_HEADER');
  });

  it('refuses other extensions, missing files and folders', async () => {
    writeFileSync(file('old.xls'), PEOPLE_CSV);
    mkdirSync(file('folder.csv'));
    const cases: [string, string][] = [
      [file('old.xls'), 'old.xls'],
      [file('no-extension'), 'no-extension'],
      [file('missing.csv'), 'missing.csv'],
      [file('missing.xlsx'), 'missing.xlsx'],
      [file('folder.csv'), 'folder.csv'],
    ];
    for (const [path, name] of cases) {
      const error = await appErrorOf(openTable({ path }, name));
      expect(error.code, name).toBe('FILE_UNREADABLE');
      expect(error.details, name).toEqual({ file: name });
    }
  });
});

describe('closing early', () => {
  it.each(['csv', 'xlsx'])('releases a %s file after a partial read, also while a read is pending', async (format) => {
    const name = `partial.${format}`;
    if (format === 'csv') {
      writeFileSync(file(name), `姓名\n${'张三\n'.repeat(10_000)}`);
    } else {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('人员');
      sheet.addRow(['姓名']);
      for (let i = 0; i < 10_000; i++) sheet.addRow([`张三${i}`]);
      await book.xlsx.writeFile(file(name));
    }

    const broken = await openTable({ path: file(name) }, name);
    let count = 0;
    for await (const _ of broken.rows) if (++count === 3) break;
    await broken.close();
    expect(count).toBe(3);

    const pending = await openTable({ path: file(name) }, name);
    const iterator = pending.rows[Symbol.asyncIterator]();
    await iterator.next();
    const next = iterator.next();
    await pending.close();
    await next; // settles instead of waiting forever
    expect((await iterator.next()).done).toBe(true);

    const unread = await openTable({ path: file(name) }, name);
    await unread.close();
    await unread.close();
  });
});
