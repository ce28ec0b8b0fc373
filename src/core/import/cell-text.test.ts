import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellText, plainNumber } from './cell-text';

describe('plainNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [42, '42'],
    [-1234.5, '-1234.5'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [1e-7, '0.0000001'],
    [-2.5e-8, '-0.000000025'],
    [0.1 + 0.2, '0.3'],
    [1234.5600000000002, '1234.56'],
    [2.9999999999999996, '3'],
    [123456789012345, '123456789012345'],
  ])('%d → %s', (n, text) => {
    expect(plainNumber(n)).toBe(text);
  });

  it('never uses exponents and keeps the value Excel displays (15 significant digits)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = plainNumber(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        const expected = Number.isInteger(n) && Math.abs(n) < 1e21 ? n : Number(n.toPrecision(15));
        expect(Number(text)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['张三', '张三'],
    [1234.5, '1234.5'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2026, 2, 5)), '2026-03-05'],
    [new Date(Number.NaN), ''],
    [{ richText: [{ text: '幸福' }, { font: { bold: true }, text: '村' }] }, '幸福村'],
    [{ formula: 'A1*2', result: 2469 }, '2469'],
    [{ formula: 'A1', result: new Date(Date.UTC(2026, 0, 31)) }, '2026-01-31'],
    [{ formula: 'A1' }, ''],
    [{ sharedFormula: 'B2', result: 'x' }, 'x'],
    [{ formula: 'VLOOKUP()', result: { error: '#N/A' } }, '#N/A'],
    [{ error: '#DIV/0!' }, '#DIV/0!'],
    [{ text: '主页', hyperlink: 'https://example.invalid/' }, '主页'],
  ])('%j → %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
