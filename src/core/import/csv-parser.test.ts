import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, MAX_RECORD_CHARS } from './csv-parser';

/** Parses `text` fed in pieces cut at `cuts` (positions), as a file arrives in chunks. */
function parse(text: string, cuts: number[] = [], delimiter: ',' | '\t' = ','): string[][] {
  const parser = new CsvParser(delimiter);
  const out: string[][] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut), false, out);
    from = cut;
  }
  parser.push(text.slice(from), true, out);
  return out;
}

function failure(text: string, cuts: number[] = []): CsvSyntaxError {
  try {
    parse(text, cuts);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvSyntaxError);
    return error as CsvSyntaxError;
  }
  throw new Error('expected a CsvSyntaxError');
}

/** RFC 4180 output: a field is quoted when it holds a quote, the delimiter or a line break. */
function serialise(records: string[][], endings: string[], trailing: boolean): string {
  const field = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f);
  const lines = records.map((cells) => (cells.length === 1 && cells[0] === '' ? '""' : cells.map((c) => (c === '' ? '' : field(c))).join(',')));
  return lines.map((line, i) => line + (i < lines.length - 1 || trailing ? endings[i % endings.length]! : '')).join('');
}

describe('CsvParser', () => {
  it('reads back what an RFC 4180 writer wrote, however the text is cut into chunks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '张', ' ', ',', '"', '\n', '\r', '𠀀', 'x'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (records, endings, trailing, cuts) => {
          expect(parse(serialise(records, endings, trailing), cuts)).toEqual(records);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('takes the fast path and the careful path to the same records', () => {
    const text = 'a,b,c\n"a",b,c\na,"b",c\r\na,b,"c"\ra,b,c';
    expect(parse(text)).toEqual(Array.from({ length: 5 }, () => ['a', 'b', 'c']));
    for (let cut = 1; cut < text.length; cut++) expect(parse(text, [cut])).toEqual(parse(text));
  });

  it.each([
    ['a stray quote inside an unquoted field is text', 'a,张"三,c\n', [['a', '张"三', 'c']]],
    ['text after a closing quote is kept, as Excel does', '"abc"def,x\n', [['abcdef', 'x']]],
    ['a quote after leading spaces is text', ' "a",b\n', [[' "a"', 'b']]],
    ['an empty line is a record of one empty cell', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['blank cells and rows of any length', 'a,,\n,\nb,c,d,e\n', [['a', '', ''], ['', ''], ['b', 'c', 'd', 'e']]],
    ['the last record needs no line break', 'a,b\nc,d', [['a', 'b'], ['c', 'd']]],
    ['a BOM at the start is not part of the first cell', '\uFEFF姓名,身份证号\n', [['姓名', '身份证号']]],
    ['a BOM elsewhere is left alone', 'a\n\uFEFFb\n', [['a'], ['\uFEFFb']]],
    ['a quoted line break inside a cell', '"第一行\r\n第二行",x\r\ny\r\n', [['第一行\r\n第二行', 'x'], ['y']]],
    ['an empty file has no records', '', []],
  ])('%s', (_, text, records) => {
    expect(parse(text)).toEqual(records);
  });

  it('reads any line the same whether a line break ends it (the fast path, without quotes) or the end of the file does', () => {
    const line = fc.string({ unit: fc.constantFrom('a', '张', ',', '"', ' '), maxLength: 12 });
    const outcome = (text: string) => {
      try {
        return parse(text);
      } catch (error) {
        return (error as CsvSyntaxError).message;
      }
    };
    fc.assert(
      fc.property(line, (written) => {
        // an empty file has no record, an empty line one: both compare a line of one empty cell
        const text = written === '' ? '""' : written;
        expect(outcome(`${text}\n`)).toEqual(outcome(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('splits on tabs when told to', () => {
    expect(parse('姓名\t备注\r\n张三\t"a\tb"\r\n', [], '\t')).toEqual([
      ['姓名', '备注'],
      ['张三', 'a\tb'],
    ]);
  });

  it('names the record an unclosed quote opened, wherever the chunks were cut', () => {
    const text = '姓名,备注\n张三,ok\n李四,"never closed\n王五,x\n';
    for (const cuts of [[], [5], [20, 21], [text.length - 1]]) expect(failure(text, cuts).record).toBe(3);
  });

  it('refuses a record longer than any real row instead of reading the file into it', () => {
    const parser = new CsvParser(',');
    const out: string[][] = [];
    parser.push('a\n"', false, out);
    const filler = 'x'.repeat(64 * 1024);
    expect(() => {
      for (let i = 0; i <= MAX_RECORD_CHARS / filler.length; i++) parser.push(filler, false, out);
    }).toThrow(CsvSyntaxError);
    expect(out).toEqual([['a']]);
  });
});
