export type IdleAction = 'lock' | 'ping' | null;

export interface IdleWatch {
  /** the user moved, typed, clicked or scrolled */
  activity(at: number): void;
  /** asked every second or so: lock when the user has been away long enough, else maybe ping */
  tick(at: number): IdleAction;
}

/**
 * When the screen locks, and when to tell the core the user is still there. Only activity counts
 * (a screen refreshing itself is not a person at the keyboard); a ping goes at most every
 * `pingMs`, and only after activity since the last one, so an idle session is not kept alive.
 */
export function createIdleWatch(idleMs: number, pingMs: number, now: number): IdleWatch {
  let lastActivity = now;
  let lastPing = now;
  return {
    activity(at) {
      lastActivity = Math.max(lastActivity, at);
    },
    tick(at) {
      if (at - lastActivity >= idleMs) return 'lock';
      if (lastActivity > lastPing && at - lastPing >= pingMs) {
        lastPing = at;
        return 'ping';
      }
      return null;
    },
  };
}

/** Half the idle time, between 1 s and 60 s: the core sees activity well before it would lock. */
export function pingInterval(idleLockSeconds: number): number {
  return Math.min(60_000, Math.max(1_000, (idleLockSeconds * 1000) / 2));
}
