import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFen, parseAmountFen, parseDate, parseMonth } from './normalize';

const ok = <T>(value: T) => ({ ok: true, value });
const no = (reason: 'empty' | 'format' | 'range') => ({ ok: false, reason });

describe('parseDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026年03月05日', '2026-03-05'],
    ['2026 年 3 月 5 日', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['  2026-03-05 ', '2026-03-05'],
    ['２０２６－０３－０５', '2026-03-05'],
    ['2026-03-05 00:00:00', '2026-03-05'],
    ['2026/3/5 9:30', '2026-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('%j → %s', (text, iso) => {
    expect(parseDate(text)).toEqual(ok(iso));
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['2026-3', 'format'],
    ['2026-03/05', 'format'],
    ['5/3/2026', 'format'],
    ['abc', 'format'],
    ['46086', 'format'],
    ['2026-02-29', 'range'],
    ['1900-02-29', 'range'],
    ['2026-13-01', 'range'],
    ['2026-04-31', 'range'],
    ['2026-00-10', 'range'],
    ['20260230', 'range'],
    ['0226-03-05', 'range'],
  ] as const)('%j → %s', (text, reason) => {
    expect(parseDate(text)).toEqual(no(reason));
  });

  describe('Excel serials (XLSX only)', () => {
    it.each([
      ['46086', '2026-03-05'],
      ['45658', '2025-01-01'],
      ['46086.75', '2026-03-05'],
      ['1', '1900-01-01'],
      ['59', '1900-02-28'],
      ['61', '1900-03-01'],
    ])('%s → %s', (text, iso) => {
      expect(parseDate(text, { excelSerial: true })).toEqual(ok(iso));
    });

    it('rejects the fictitious 1900-02-29 and serial 0', () => {
      expect(parseDate('60', { excelSerial: true })).toEqual(no('range'));
      expect(parseDate('0', { excelSerial: true })).toEqual(no('range'));
    });

    it('still reads an 8-digit number as YYYYMMDD', () => {
      expect(parseDate('20260305', { excelSerial: true })).toEqual(ok('2026-03-05'));
    });

    it('agrees with the JS calendar for every serial from 1900-03-01 to 2999', () => {
      const epoch = Date.UTC(1899, 11, 30);
      fc.assert(
        fc.property(fc.integer({ min: 61, max: 401_768 }), (serial) => {
          const expected = new Date(epoch + serial * 86_400_000).toISOString().slice(0, 10);
          expect(parseDate(String(serial), { excelSerial: true })).toEqual(ok(expected));
        }),
      );
    });
  });

  it('round-trips every valid date through each accepted style', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const day = d.getUTCDate();
        const iso = d.toISOString().slice(0, 10);
        const p2 = (n: number) => String(n).padStart(2, '0');
        for (const text of [iso, `${y}/${m}/${day}`, `${y}.${m}.${day}`, `${y}年${m}月${day}日`, `${y}${p2(m)}${p2(day)}`]) {
          expect(parseDate(text)).toEqual(ok(iso));
        }
      }),
    );
  });
});

describe('parseMonth', () => {
  it.each([
    ['2026-03', '2026-03'],
    ['2026-3', '2026-03'],
    ['202603', '2026-03'],
    ['2026年3月', '2026-03'],
    ['2026年03月', '2026-03'],
    ['2026/3', '2026-03'],
    ['2026.03', '2026-03'],
    ['２０２６年３月', '2026-03'],
    // Excel stores a typed month as the first day of it.
    ['2026-03-01', '2026-03'],
    ['2026年3月5日', '2026-03'],
  ])('%j → %s', (text, month) => {
    expect(parseMonth(text)).toEqual(ok(month));
  });

  it('reads an Excel serial only when asked', () => {
    expect(parseMonth('46082', { excelSerial: true })).toEqual(ok('2026-03'));
    expect(parseMonth('46082')).toEqual(no('format'));
  });

  it.each([
    ['', 'empty'],
    ['2026', 'format'],
    ['March 2026', 'format'],
    ['2026-13', 'range'],
    ['202600', 'range'],
    ['2026-02-30', 'range'],
  ] as const)('%j → %s', (text, reason) => {
    expect(parseMonth(text)).toEqual(no(reason));
  });
});

describe('parseAmountFen', () => {
  it.each([
    ['0.29', 29],
    ['0.1', 10],
    ['1,234.5元', 123450],
    ['1234.56', 123456],
    ['1,234,567.89', 123456789],
    ['100', 10000],
    ['100元', 10000],
    ['100 元', 10000],
    ['¥100.5', 10050],
    ['  -3.5 ', -350],
    ['-0', 0],
    ['0', 0],
    ['１，２３４．５元', 123450],
    ['007', 700],
    ['90071992547409.91', 9007199254740991],
  ])('%j → %d', (text, fen) => {
    expect(parseAmountFen(text)).toEqual(ok(fen));
  });

  it('never yields negative zero', () => {
    const r = parseAmountFen('-0.00');
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    [' ', 'empty'],
    ['1.234', 'format'],
    ['1.', 'format'],
    ['.5', 'format'],
    ['1,23', 'format'],
    ['12,345,67', 'format'],
    ['1e3', 'format'],
    ['abc', 'format'],
    ['--1', 'format'],
    ['1 234', 'format'],
    ['90071992547409.92', 'range'],
  ] as const)('%j → %s', (text, reason) => {
    expect(parseAmountFen(text)).toEqual(no(reason));
  });

  it('parses formatted fen back to the same fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.boolean(),
        fc.boolean(),
        (fen, thousands, suffix) => {
          const text = formatFen(fen, { thousands }) + (suffix ? '元' : '');
          expect(parseAmountFen(text)).toEqual(ok(fen));
        },
      ),
    );
  });

  it('agrees with exact decimal arithmetic for up to two decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const text = `${yuan}.${String(cents).padStart(2, '0')}`;
        expect(parseAmountFen(text)).toEqual(ok(Number(yuan * 100n + BigInt(cents))));
      }),
    );
  });
});

describe('formatFen', () => {
  it.each([
    [0, {}, '0.00'],
    [5, {}, '0.05'],
    [-5, {}, '-0.05'],
    [123450, { thousands: true }, '1,234.50'],
    [100000000, { thousands: true }, '1,000,000.00'],
    [123450, {}, '1234.50'],
  ])('%d → %s', (fen, options, text) => {
    expect(formatFen(fen, options)).toBe(text);
  });
});
