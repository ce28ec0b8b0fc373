// The parsers read the clean cells of a million-row file without their general patterns. A
// surrounding space sends a cell down the general path, so each fast path is checked against it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, parseIdNumber } from '../registry/id-number';
import { normalizeName } from '../registry/names';
import { parseAmountFen, parseDate, parseMonth } from './normalize';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('fast paths give what the general path gives', () => {
  it('amounts', () => {
    const amount = fc.oneof(
      fc.tuple(digits(1, 15), fc.option(digits(0, 3))).map(([yuan, fen]) => (fen === null ? yuan : `${yuan}.${fen}`)),
      fc.string({ unit: fc.constantFrom(...'0123456789.-,元'), maxLength: 10 }),
    );
    fc.assert(
      fc.property(amount, (text) => {
        expect(parseAmountFen(text)).toEqual(parseAmountFen(` ${text}`));
      }),
      { numRuns: 3000 },
    );
  });

  it('dates and months', () => {
    const date = fc.tuple(digits(4, 4), digits(2, 2), digits(2, 2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    const month = fc.tuple(digits(4, 4), digits(2, 2)).map(([y, m]) => `${y}-${m}`);
    fc.assert(
      fc.property(date, month, (d, m) => {
        expect(parseDate(d)).toEqual(parseDate(` ${d}`));
        expect(parseMonth(m)).toEqual(parseMonth(` ${m}`));
        expect(parseMonth(d)).toEqual(parseMonth(` ${d}`));
      }),
      { numRuns: 3000 },
    );
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('2100-02-29')).toEqual({ ok: false, reason: 'range' });
  });

  it('ID numbers, with real and impossible birth dates, right and wrong check characters', () => {
    const id = fc.oneof(
      fc.tuple(digits(6, 6), digits(8, 8), digits(3, 3)).map(([region, birth, seq]) => region + birth + seq + checkCharacter(region + birth + seq)),
      fc.tuple(digits(17, 17), fc.constantFrom(...'0123456789X')).map(([first, last]) => first + last),
      digits(15, 15),
      digits(14, 19),
    );
    fc.assert(
      fc.property(id, (text) => {
        expect(parseIdNumber(text)).toEqual(parseIdNumber(` ${text}`));
      }),
      { numRuns: 3000 },
    );
  });

  it('names', () => {
    const name = fc.string({ unit: fc.constantFrom('张', '三', '丽', '\u4e00', '\u9fff', '·', ' ', 'Ａ', 'a'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(name, (text) => {
        expect(normalizeName(text)).toBe(normalizeName(`${text} `));
      }),
      { numRuns: 2000 },
    );
  });
});
