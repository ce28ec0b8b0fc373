import { describe, expect, it } from 'vitest';
import { formatConfidence, formatYuan, parseYuan } from './money';

describe('amounts in yuan', () => {
  it('shows fen as yuan with two decimals and separators', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(77500)).toBe('775.00');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(-1250)).toBe('-12.50');
  });

  it('reads what a person types without floating-point error', () => {
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan(' 775 ')).toBe(77500);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('-3')).toBeNull();
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('元')).toBeNull();
  });

  it('shows a confidence as a percentage', () => {
    expect(formatConfidence(1)).toBe('100%');
    expect(formatConfidence(0.9)).toBe('90%');
  });
});
