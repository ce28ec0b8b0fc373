import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, parseIdNumber } from './id-number';

describe('parseIdNumber', () => {
  it('accepts a number with the right check character and derives gender and birth date', () => {
    // 11010519491231002X is the example number printed in GB 11643-1999
    expect(parseIdNumber('11010519491231002X')).toEqual({
      valid: true,
      idNumber: '11010519491231002X',
      gender: 'F',
      birthDate: '1949-12-31',
      regionCode: '110105',
    });
  });

  it('normalises lowercase x, full-width digits and surrounding spaces', () => {
    expect(parseIdNumber(' 11010519491231002x ').idNumber).toBe('11010519491231002X');
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ valid: true, idNumber: '11010519491231002X' });
  });

  it('converts the 15-digit form by inserting 19 and computing the check character', () => {
    const parsed = parseIdNumber('530702800101123');
    expect(parsed).toMatchObject({ valid: true, birthDate: '1980-01-01', gender: 'M' });
    expect(parsed.idNumber).toBe(`53070219800101123${checkCharacter('53070219800101123')}`);
  });

  it('names the problem of an invalid number', () => {
    expect(parseIdNumber('11010519491231002Y')).toMatchObject({ valid: false, problem: 'format' });
    expect(parseIdNumber('110105194912310021')).toMatchObject({ valid: false, problem: 'checkCharacter' });
    const feb30 = `53070219800230123`;
    expect(parseIdNumber(feb30 + checkCharacter(feb30))).toMatchObject({ valid: false, problem: 'birthDate' });
  });

  it('finds every single-digit change (property)', () => {
    const digits = fc.stringMatching(/^\d{17}$/);
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, at, delta) => {
        const id = first17 + checkCharacter(first17);
        const changed = first17.slice(0, at) + String((Number(first17[at]) + delta) % 10) + first17.slice(at + 1);
        expect(checkCharacter(changed)).not.toBe(id[17]);
      }),
    );
  });
});
