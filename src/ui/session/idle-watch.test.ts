import { describe, expect, it } from 'vitest';
import { createIdleWatch, pingInterval } from './idle-watch';

describe('idle watch', () => {
  it('locks once the user has been away for the idle time', () => {
    const watch = createIdleWatch(3000, 1500, 0);
    expect(watch.tick(2999)).toBeNull();
    expect(watch.tick(3000)).toBe('lock');
  });

  it('counts from the last activity', () => {
    const watch = createIdleWatch(3000, 10_000, 0);
    watch.activity(2000);
    expect(watch.tick(4000)).toBeNull();
    expect(watch.tick(5000)).toBe('lock');
  });

  it('pings after activity, at most once per interval, and never for an idle user', () => {
    const watch = createIdleWatch(60_000, 1000, 0);
    expect(watch.tick(5000)).toBeNull();
    watch.activity(5100);
    expect(watch.tick(5200)).toBe('ping');
    watch.activity(5300);
    expect(watch.tick(5400)).toBeNull();
    expect(watch.tick(6200)).toBe('ping');
    expect(watch.tick(8000)).toBeNull();
  });

  it('pings at half the idle time, within bounds', () => {
    expect(pingInterval(3)).toBe(1500);
    expect(pingInterval(1)).toBe(1000);
    expect(pingInterval(900)).toBe(60_000);
  });
});
