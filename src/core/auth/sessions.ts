import { randomBytes } from 'node:crypto';
import { AppError } from '../api/errors';

export interface Session {
  token: string;
  userId: string;
  createdAt: number;
  lastActivity: number;
  /** idle-locked: only unlock, logout and status are answered until the password is given again */
  locked: boolean;
}

export interface SessionPolicy {
  idleLockSeconds: number;
  /** a session ends this long after login, however active */
  maxAgeSeconds: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleLockSeconds: 600, maxAgeSeconds: 12 * 3600 };

/**
 * Sessions live in the core's memory only: a restart logs everyone out, and no token is ever
 * written to disk. The shells hold the token (an HttpOnly cookie, Electron's main process).
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(readonly policy: SessionPolicy) {}

  open(userId: string, now: number): Session {
    const session = { token: randomBytes(32).toString('base64url'), userId, createdAt: now, lastActivity: now, locked: false };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session for a token, idle-locked when it has waited too long; throws when there is none. */
  resolve(token: string | undefined, now: number): Session {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session) throw new AppError(token ? 'SESSION_EXPIRED' : 'SESSION_REQUIRED');
    if (now - session.createdAt > this.policy.maxAgeSeconds * 1000) {
      this.sessions.delete(session.token);
      throw new AppError('SESSION_EXPIRED');
    }
    if (now - session.lastActivity > this.policy.idleLockSeconds * 1000) session.locked = true;
    return session;
  }

  /** Like resolve, for calls that work with or without a session (status, login). */
  peek(token: string | undefined, now: number): Session | null {
    try {
      return this.resolve(token, now);
    } catch {
      return null;
    }
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session of a user (disabled, password reset by an administrator). */
  closeAllOf(userId: string): void {
    for (const [token, session] of this.sessions) if (session.userId === userId) this.sessions.delete(token);
  }
}
