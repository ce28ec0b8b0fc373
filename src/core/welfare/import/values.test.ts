import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCheckCharacter, isValidCreditCode } from './credit-code';
import { cleanCode, cleanText, parseArea, parseCapitalFen } from './values';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('credit codes (GB 32100-2015)', () => {
  it('accepts published examples and refuses them with a character changed', () => {
    for (const code of ['91350100M000100Y43', '91110000600037341L']) {
      expect(isValidCreditCode(code), code).toBe(true);
      expect(isValidCreditCode(code.slice(0, 5) + (code[5] === '0' ? '1' : '0') + code.slice(6)), code).toBe(false);
    }
  });

  it('finds every single-character change of a valid code', () => {
    const first17 = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 17, maxLength: 17 });
    fc.assert(
      fc.property(first17, fc.nat(16), fc.constantFrom(...ALPHABET), (head, at, other) => {
        const code = head + creditCheckCharacter(head)!;
        expect(isValidCreditCode(code)).toBe(true);
        fc.pre(head[at] !== other);
        const changed = head.slice(0, at) + other + head.slice(at + 1) + code[17];
        expect(isValidCreditCode(changed)).toBe(false);
      }),
    );
  });

  it('refuses letters outside the alphabet and other lengths', () => {
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });
});

describe('cell values', () => {
  it.each([
    ['城乡低保', '城乡低保'],
    ['  石沟镇 ', '石沟镇'],
    ['石沟\u3000下村', '石沟 下村'],
    ['石沟\u200b下村', '石沟下村'],
    ['a\u001fb\u001ec\td', 'a b c d'],
    ['第一行\r\n第二行', '第一行 第二行'],
    ['', ''],
  ])('cleanText(%j) = %j', (cell, text) => {
    expect(cleanText(cell)).toBe(text);
  });

  it('cleanCode folds codes typed with spaces or full-width characters', () => {
    expect(cleanCode(' 6217 ９０３１ 1976 ')).toBe('621790311976');
    expect(cleanCode('云p·73168')).toBe('云P·73168');
  });

  it.each([
    ['136', 136],
    ['88.6㎡', 88.6],
    ['1,048.5 平方米', 1048.5],
    ['１２０m2', 120],
  ])('parseArea(%j) = %d', (cell, value) => {
    expect(parseArea(cell)).toEqual({ ok: true, value });
  });

  it('parseArea refuses text, signs and bad grouping', () => {
    for (const cell of ['一百', '-3', '1,23', '12.5.1']) expect(parseArea(cell).ok, cell).toBe(false);
    expect(parseArea(' ')).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['100000', 10_000_000],
    ['1,000,000.50元', 100_000_050],
    ['100万元', 100_000_000],
    ['12.5 万', 12_500_000],
    ['-1万元', -1_000_000],
  ])('parseCapitalFen(%j) = %d fen', (cell, fen) => {
    expect(parseCapitalFen(cell)).toEqual({ ok: true, value: fen });
  });

  it('parseCapitalFen refuses 万 without a number and text', () => {
    expect(parseCapitalFen('万元').ok).toBe(false);
    expect(parseCapitalFen('一百万').ok).toBe(false);
  });
});
