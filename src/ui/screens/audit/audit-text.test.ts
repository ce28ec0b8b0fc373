import { describe, expect, it } from 'vitest';
import { rowsText, summaryText } from './audit-text';

describe('audit texts', () => {
  it('counts rows by table, in the order first met', () => {
    expect(rowsText([])).toBe('');
    expect(
      rowsText([
        { table: 'people', id: 'a' },
        { table: 'kin', id: 'k' },
        { table: 'people', id: 'b' },
      ]),
    ).toBe('people ×2, kin ×1');
  });

  it('shows an empty summary as nothing', () => {
    expect(summaryText({})).toBe('');
    expect(summaryText({ name: '张三', n: 2 })).toBe('{"name":"张三","n":2}');
  });
});
