import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, isFuture } from './format';

describe('formatting', () => {
  it('shows times in Asia/Shanghai whatever zone they were written in', () => {
    expect(formatDateTime('2025-03-01T02:03:04Z')).toBe('2025-03-01 10:03:04');
    expect(formatDateTime('2025-03-01T10:03:04+08:00', { seconds: false })).toBe('2025-03-01 10:03');
    expect(formatDateTime('2025-12-31T16:30:00.000Z')).toBe('2026-01-01 00:30:00');
    expect(formatDateTime('not a time')).toBe('not a time');
  });

  it('sizes files in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('tells a lock still ahead from an elapsed one', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(isFuture('2025-03-01T10:05:00Z', now)).toBe(true);
    expect(isFuture('2025-03-01T09:55:00Z', now)).toBe(false);
    expect(isFuture(null, now)).toBe(false);
  });
});
