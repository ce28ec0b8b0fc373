import { describe, expect, it } from 'vitest';
import { parseDates } from './parse-dates';

describe('pasted calendar dates', () => {
  it('reads one date a line in the usual spellings, sorted without repeats', () => {
    expect(parseDates(' 2027-10-02\n\n2027/1/1\n2027.10.01\n2027年2月5日\n2027-01-01\n', 2027)).toEqual({
      dates: ['2027-01-01', '2027-02-05', '2027-10-01', '2027-10-02'],
      invalid: [],
    });
  });

  it('names the lines that are no day of the year', () => {
    expect(parseDates('2027-02-30\n2026-12-31\nnext monday\n2027-05-01', 2027)).toEqual({
      dates: ['2027-05-01'],
      invalid: ['2027-02-30', '2026-12-31', 'next monday'],
    });
  });
});
