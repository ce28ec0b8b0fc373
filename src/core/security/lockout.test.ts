import { describe, expect, it } from 'vitest';
import { newMasterKey, wrapKey, type KeySlot } from './keyslots';
import { afterFailure, afterSuccess, clearPendingFailures, DEFAULT_LOCKOUT_POLICY, lockedUntil, MAX_PENDING_FAILURES } from './lockout';

const slot: KeySlot = wrapKey(newMasterKey(), 'Lijiang-2024-correct', { kind: 'user', userId: 'u-1', username: 'hezq', databaseId: 'db-0123456789' }, { N: 16 });
const t0 = new Date('2025-03-01T08:00:00.000Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

function fail(from: KeySlot, times: number, at = t0): KeySlot {
  let current = from;
  for (let i = 0; i < times; i++) current = afterFailure(current, at, DEFAULT_LOCKOUT_POLICY);
  return current;
}

describe('lockout', () => {
  it('defaults to 5 failures and 15 minutes', () => {
    expect(DEFAULT_LOCKOUT_POLICY).toEqual({ maxFailures: 5, lockMinutes: 15 });
  });

  it('counts failures without locking below the maximum', () => {
    const after4 = fail(slot, 4);
    expect(after4.failedAttempts).toBe(4);
    expect(after4.lastFailureAt).toBe(t0.toISOString());
    expect(after4.lockedUntil).toBeNull();
    expect(lockedUntil(after4, t0)).toBeNull();
    expect(after4.pendingFailures).toEqual(Array.from({ length: 4 }, () => ({ at: t0.toISOString(), username: 'hezq' })));
    // the input is not modified
    expect(slot.failedAttempts).toBe(0);
    expect(slot.pendingFailures).toEqual([]);
  });

  it('locks for 15 minutes at the fifth failure', () => {
    const after5 = fail(slot, 5);
    expect(after5.failedAttempts).toBe(5);
    expect(after5.lockedUntil).toBe(minutes(15).toISOString());
    expect(lockedUntil(after5, t0)).toEqual(minutes(15));
    expect(lockedUntil(after5, minutes(14.9))).toEqual(minutes(15));
    expect(lockedUntil(after5, minutes(15))).toBeNull();
    expect(lockedUntil(after5, minutes(60))).toBeNull();
  });

  it('gives the maximum number of tries again after a lock, then locks again', () => {
    const after5 = fail(slot, 5);
    const later = minutes(20);
    const after9 = fail(after5, 4, later);
    expect(lockedUntil(after9, later)).toBeNull();
    const after10 = afterFailure(after9, later, DEFAULT_LOCKOUT_POLICY);
    expect(after10.failedAttempts).toBe(10);
    expect(lockedUntil(after10, later)).toEqual(minutes(35));
  });

  it('follows a custom policy', () => {
    const locked = afterFailure(afterFailure(slot, t0, { maxFailures: 2, lockMinutes: 1 }), t0, { maxFailures: 2, lockMinutes: 1 });
    expect(lockedUntil(locked, t0)).toEqual(minutes(1));
  });

  it('resets the count and the lock on success, keeping the failures for the audit trail', () => {
    const after5 = fail(slot, 5);
    const ok = afterSuccess(after5);
    expect(ok.failedAttempts).toBe(0);
    expect(ok.lockedUntil).toBeNull();
    expect(lockedUntil(ok, t0)).toBeNull();
    expect(ok.lastFailureAt).toBe(t0.toISOString());
    expect(ok.pendingFailures).toHaveLength(5);
    expect(clearPendingFailures(ok).pendingFailures).toEqual([]);
    expect(fail(ok, 4).lockedUntil).toBeNull();
  });

  it('records the username typed, and keeps at most MAX_PENDING_FAILURES', () => {
    expect(afterFailure(slot, t0, DEFAULT_LOCKOUT_POLICY, 'HEZQ').pendingFailures).toEqual([{ at: t0.toISOString(), username: 'HEZQ' }]);
    const many = { ...slot, pendingFailures: Array.from({ length: MAX_PENDING_FAILURES }, (_, i) => ({ at: minutes(-i).toISOString(), username: `u${i}` })) };
    const next = afterFailure(many, t0);
    expect(next.pendingFailures).toHaveLength(MAX_PENDING_FAILURES);
    expect(next.pendingFailures.at(-1)).toEqual({ at: t0.toISOString(), username: 'hezq' });
    expect(next.pendingFailures[0]?.username).toBe('u1');
  });
});
