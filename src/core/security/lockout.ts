/**
 * Failed-unlock counting on a key slot (pure: the caller writes the slot file).
 *
 * This slows down guessing at the login screen only. Whoever can copy or edit the key slot file
 * (or turn the clock forward) is not held back by it: against them, only the scrypt cost of the
 * slot and the strength of the password count.
 */
import type { KeySlot } from './keyslots';

export interface LockoutPolicy {
  /** consecutive failures that lock the slot */
  maxFailures: number;
  /** how long a lock lasts */
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

/** Failures kept for the audit trail while the database stays locked; the oldest go first. */
export const MAX_PENDING_FAILURES = 1000;

/**
 * The slot after a failed attempt at `now`: counted, remembered for the audit trail, and locked
 * for `lockMinutes` each time the consecutive count reaches a multiple of `maxFailures` (so after
 * a lock expires there are `maxFailures` more tries before the next one).
 */
export function afterFailure(
  slot: KeySlot,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
  /** the username typed, when it differs from the slot's (defaults to the slot's, '' for a recovery slot) */
  attemptedUsername: string = slot.username ?? '',
): KeySlot {
  const failedAttempts = slot.failedAttempts + 1;
  const max = Math.max(1, Math.floor(policy.maxFailures));
  const locks = failedAttempts % max === 0;
  const lockedUntil = locks ? new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString() : slot.lockedUntil;
  const pendingFailures = [...slot.pendingFailures, { at: now.toISOString(), username: attemptedUsername }].slice(-MAX_PENDING_FAILURES);
  return { ...slot, failedAttempts, lastFailureAt: now.toISOString(), lockedUntil, pendingFailures };
}

/** The slot after a successful unlock: the count and any lock cleared (pending failures kept for the audit trail). */
export function afterSuccess(slot: KeySlot): KeySlot {
  return { ...slot, failedAttempts: 0, lockedUntil: null };
}

/** The slot once its pending failures are in the audit trail. */
export function clearPendingFailures(slot: KeySlot): KeySlot {
  return { ...slot, pendingFailures: [] };
}

/** When the slot unlocks again, or null when it is not locked at `now`. */
export function lockedUntil(slot: KeySlot, now: Date): Date | null {
  if (!slot.lockedUntil) return null;
  const until = new Date(slot.lockedUntil);
  if (Number.isNaN(until.getTime())) return null;
  return until.getTime() > now.getTime() ? until : null;
}
