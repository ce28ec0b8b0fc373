import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HybridLogicalClock, parseHlc } from './hlc';

describe('HybridLogicalClock', () => {
  it('keeps increasing when the wall clock stands still or steps back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 2, maxLength: 50 }), (walls) => {
        let i = 0;
        const clock = new HybridLogicalClock('NODE', () => walls[Math.min(i++, walls.length - 1)]!);
        const stamps = walls.map(() => clock.tick());
        const sorted = [...stamps].sort();
        expect(stamps).toEqual(sorted);
        expect(new Set(stamps).size).toBe(stamps.length);
      }),
    );
  });

  it('orders local stamps after a received remote stamp from the future', () => {
    const clock = new HybridLogicalClock('A', () => 1000);
    const remote = new HybridLogicalClock('B', () => 5000).tick();
    clock.receive(remote);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(parseHlc(next).nodeId).toBe('A');
  });

  it('resumes after the last stamp stored in the database', () => {
    const before = new HybridLogicalClock('A', () => 9000).tick();
    const resumed = new HybridLogicalClock('A', () => 10, before);
    expect(resumed.tick() > before).toBe(true);
  });
});
