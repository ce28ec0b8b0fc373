import { isWireError } from '../../shared/api/errors';
import type { InputOf, OutputOf, ProcedureSpec } from '../../shared/api/procedure';
import type { EventMap, EventName } from '../../shared/api/events';
import { reportTokenRefused } from '../auth-state';
import { endSession, lockSession, sessionSnapshot, waitForUnlock } from '../session/session-store';
import { installBridge } from './http-bridge';

const bridge = installBridge();

/** The two calls that must answer on a locked session rather than wait for its unlock. */
const ANSWER_WHEN_LOCKED = new Set(['auth.unlock', 'auth.logout']);

/**
 * Calls a procedure of the contract; rejects with a WireError. Whatever the screen, the
 * session's fate is handled here: SESSION_LOCKED raises the lock and the call runs again once
 * the user has unlocked (so a screen keeps its data and a save is not lost);
 * SESSION_REQUIRED or SESSION_EXPIRED leads back to the login screen. While the lock is up,
 * calls wait before they are sent: a screen refreshing itself behind the lock neither shows
 * anything new nor counts as activity that would keep the core's session from locking too.
 */
export async function call<P extends ProcedureSpec>(spec: P, input: InputOf<P>): Promise<OutputOf<P>> {
  const waitsForUnlock = spec.permission !== 'public' && !ANSWER_WHEN_LOCKED.has(spec.name);
  for (;;) {
    if (waitsForUnlock && sessionSnapshot().locked) await waitForUnlock();
    try {
      return (await bridge.call(spec.name, input)) as OutputOf<P>;
    } catch (error) {
      if (!isWireError(error)) throw error;
      switch (error.code) {
        case 'UNAUTHORIZED':
          reportTokenRefused();
          break;
        case 'SESSION_REQUIRED':
        case 'SESSION_EXPIRED':
          endSession(error);
          break;
        case 'SESSION_LOCKED':
          if (!waitsForUnlock) break;
          lockSession();
          await waitForUnlock();
          continue;
      }
      throw error;
    }
  }
}

export function on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  return bridge.on(event, listener);
}

export { bridge };
