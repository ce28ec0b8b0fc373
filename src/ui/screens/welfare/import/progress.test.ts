import { describe, expect, it } from 'vitest';
import { durationParts, importProgress } from './progress';

describe('import progress', () => {
  it('says nothing of rate or time left before anything is read', () => {
    expect(importProgress(null, 3_000)).toEqual({ rows: 0, rowsPerSecond: null, fraction: null, secondsLeft: null });
    expect(importProgress({ rows: 100, bytes: 10, totalBytes: 100 }, 100)).toMatchObject({ rowsPerSecond: null, secondsLeft: null });
  });

  it('gives the rate in rows per second and the time left from the bytes read', () => {
    // a quarter of the file in 10 s: three quarters left take 30 s more
    expect(importProgress({ rows: 250_000, bytes: 25, totalBytes: 100 }, 10_000)).toEqual({ rows: 250_000, rowsPerSecond: 25_000, fraction: 0.25, secondsLeft: 30 });
  });

  it('has no time left without byte counts, and none below zero', () => {
    expect(importProgress({ rows: 10 }, 2_000)).toMatchObject({ rowsPerSecond: 5, fraction: null, secondsLeft: null });
    expect(importProgress({ rows: 10, bytes: 120, totalBytes: 100 }, 2_000)).toMatchObject({ fraction: 1, secondsLeft: 0 });
  });

  it('splits seconds into minutes and seconds', () => {
    expect(durationParts(125)).toEqual({ minutes: 2, seconds: 5 });
    expect(durationParts(0.2)).toEqual({ minutes: 0, seconds: 1 });
  });
});
