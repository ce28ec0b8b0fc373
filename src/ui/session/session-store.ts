import type { AuthStatus } from '../../shared/api/auth';
import type { WireError } from '../../shared/api/errors';


export interface SessionSnapshot {
  /** the answer of `auth.status`; null while it is (re)asked */
  status: AuthStatus | null;
  /** the idle lock is up: the screen stays mounted underneath, and calls wait for the unlock */
  locked: boolean;
  /** why the last session ended, for the login screen; null after a plain log-out */
  ended: WireError | null;
}

/**
 * The session as the whole UI sees it, outside React so that the bridge client can report what
 * the core answers (SESSION_LOCKED, SESSION_EXPIRED …) from any call, wherever it was made.
 */
let snapshot: SessionSnapshot = { status: null, locked: false, ended: null };
const listeners = new Set<() => void>();
let waiters: { resolve: () => void; reject: (error: WireError) => void }[] = [];
const endListeners = new Set<() => void>();

function publish(next: SessionSnapshot): void {
  snapshot = next;
  listeners.forEach((l) => l());
}

export function sessionSnapshot(): SessionSnapshot {
  return snapshot;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function settleWaiters(error: WireError | null): void {
  const pending = waiters;
  waiters = [];
  for (const waiter of pending) {
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}

/** What `auth.status` said; a session that is open and not locked releases waiting calls. */
export function setStatus(status: AuthStatus): void {
  const open = status.state === 'open';
  publish({ status, locked: open && status.locked, ended: open ? null : snapshot.ended });
  if (!open) settleWaiters(SESSION_ENDED);
  else if (!status.locked) settleWaiters(null);
}

/** Raises the idle lock (the user was away, or the core said SESSION_LOCKED). */
export function lockSession(): void {
  if (snapshot.status?.state !== 'open' || snapshot.locked) return;
  publish({ ...snapshot, locked: true });
}

/** The password was given again: the lock goes, and the calls that met it run again. */
export function unlockSession(): void {
  if (snapshot.status?.state === 'open') {
    publish({ ...snapshot, status: { ...snapshot.status, locked: false }, locked: false });
  }
  settleWaiters(null);
}

const SESSION_ENDED: WireError = { code: 'SESSION_REQUIRED', messageKey: 'errors.SESSION_REQUIRED' };

/**
 * The session is over (logged out, expired, the core no longer knows it, or the account was
 * locked by failed unlocks): status is asked again, which leads to the login screen, where the
 * reason is shown; calls waiting for an unlock fail.
 */
export function endSession(reason: WireError | null): void {
  const wasOpen = snapshot.status?.state === 'open';
  publish({ status: null, locked: false, ended: reason });
  settleWaiters(SESSION_ENDED);
  if (wasOpen) endListeners.forEach((l) => l());
}

/** Asks for `auth.status` again (after a login, a setup, a recovery) without ending anything. */
export function forgetStatus(): void {
  publish({ ...snapshot, status: null, locked: false });
}

/**
 * Resolves once the session is unlocked; rejects with SESSION_REQUIRED if it ends instead.
 * Outside an open, locked session it settles at once.
 */
export function waitForUnlock(): Promise<void> {
  if (snapshot.status?.state !== 'open') return Promise.reject(SESSION_ENDED);
  if (!snapshot.locked) return Promise.resolve();
  return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
}

/**
 * Module state that must not outlive a user (the last import report, say) registers here and
 * is forgotten when the session ends.
 */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}
