import { describe, expect, it, vi } from 'vitest';
import { PageCache } from './page-cache';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function listing(total: number) {
  const fetchPage = vi.fn(async (offset: number, limit: number) => ({
    rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i),
    total,
  }));
  return fetchPage;
}

describe('the register page cache', () => {
  it('fetches only the pages the visible rows need, once each', async () => {
    const fetchPage = listing(100_000);
    const changed = vi.fn();
    const cache = new PageCache(fetchPage, changed, 100);
    cache.ensure(0, 30);
    await settle();
    expect(cache.total).toBe(100_000);
    expect(cache.row(29)).toBe(29);
    expect(cache.row(150)).toBeUndefined();
    cache.ensure(50_020, 50_110);
    cache.ensure(50_020, 50_110);
    await settle();
    expect(fetchPage.mock.calls.map(([offset]) => offset)).toEqual([0, 50_000, 50_100]);
    expect(cache.row(50_105)).toBe(50_105);
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it('keeps stale rows on screen while it fetches them again', async () => {
    const fetchPage = listing(10);
    const cache = new PageCache(fetchPage, () => {}, 100);
    cache.ensure(0, 9);
    await settle();
    cache.invalidate();
    cache.ensure(0, 9);
    expect(cache.row(3)).toBe(3);
    await settle();
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('stops at the end of the listing and reports a failure', async () => {
    const fetchPage = vi.fn().mockRejectedValue({ code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN' });
    const cache = new PageCache(fetchPage, () => {}, 100);
    cache.ensure(0, 10);
    await settle();
    expect(cache.error?.code).toBe('FORBIDDEN');
    const empty = listing(0);
    const none = new PageCache(empty, () => {}, 100);
    none.ensure(0, 10);
    await settle();
    none.ensure(0, 500);
    await settle();
    expect(empty).toHaveBeenCalledTimes(1);
  });
});
