import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeName, toHalfWidth } from './names';

describe('toHalfWidth', () => {
  it('folds full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('ＡＢｃ１２３（）　．')).toBe('ABc123() .');
  });

  it('leaves Han characters and half-width text alone', () => {
    expect(toHalfWidth('张三 abc')).toBe('张三 abc');
  });
});

describe('normalizeName', () => {
  it.each([
    ['  张三  ', '张三'],
    ['张 三', '张三'],
    ['张\u3000三\u3000丰', '张三丰'],
    ['张\t 三', '张三'],
    ['王ＡＢ', '王AB'],
    ['阿卜杜拉·买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉•买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉．买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉.买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉\u30FB买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉\uFF65买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉\u2027买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉\u0387买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉 · 买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉··买买提', '阿卜杜拉·买买提'],
    ['John  Smith', 'John Smith'],
    ['张\u200B三', '张三'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('keeps a space between Han and Latin text', () => {
    expect(normalizeName('张 Anna')).toBe('张 Anna');
  });

  const tricky = fc.constantFrom(
    '张', '三', '丰', 'A', 'b', 'Ｅ', '\u0301', ' ', '\u3000', '\t', '\n', '.', '．', '·', '•', '・', '‧',
    '\u0387', '\u200B', '\uFEFF', '１', '（', ')',
  );

  it('is idempotent on names built from tricky characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: tricky, maxLength: 30 }), (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
      }),
    );
  });

  it('is idempotent on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
      }),
    );
  });

  it('never leaves whitespace at the ends or between Han characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: tricky, maxLength: 30 }), (s) => {
        const out = normalizeName(s);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\p{Script=Han}\s+\p{Script=Han}/u);
        expect(out).not.toMatch(/[•・‧．]/u);
      }),
    );
  });
});
