import { splitSession } from '../src/shared/session';
import type { CallOutcome } from './core-protocol';

/** The part of CoreClient the sessions use (so that a Node test can fake it). */
export interface SessionCore {
  call(name: string, input: unknown, session?: string): Promise<CallOutcome>;
}

/** Ends a session in the core; its own token is the only thing it needs. */
const LOGOUT = 'auth.logout';

/**
 * Each window's session, kept in the main process the way `serve` keeps it in an HttpOnly
 * cookie: the page never sees its token. A call from a window goes to the core with that
 * window's token (and with no other window's); a result that opens a session loses its token
 * here, one that ends the session (`endSession`) forgets it, and so does closing the window.
 */
export class WindowSessions {
  private readonly tokens = new Map<number, string>();
  /** webContents ids are never reused: a window that has gone stays gone */
  private readonly closed = new Set<number>();

  constructor(private readonly core: SessionCore) {}

  /** A call from the window whose webContents has this id; the outcome as its page may see it. */
  async call(windowId: number, name: string, input: unknown): Promise<CallOutcome> {
    const outcome = await this.core.call(name, input, this.tokens.get(windowId));
    if (!outcome.ok) return outcome;
    const { body, session } = splitSession(outcome.result);
    if (session.kind === 'opened') this.keep(windowId, session.token);
    else if (session.kind === 'ended') this.tokens.delete(windowId);
    return { ok: true, result: body };
  }

  /** The window has closed: its session is forgotten here and ended in the core. */
  windowClosed(windowId: number): void {
    this.closed.add(windowId);
    const token = this.tokens.get(windowId);
    this.tokens.delete(windowId);
    if (token !== undefined) this.end(token);
  }

  /** whether main holds a session for this window (for tests and diagnostics; never the token) */
  has(windowId: number): boolean {
    return this.tokens.has(windowId);
  }

  get size(): number {
    return this.tokens.size;
  }

  private keep(windowId: number, token: string): void {
    if (this.closed.has(windowId)) {
      // a login that finished after its window closed: nobody is left to use it
      this.end(token);
      return;
    }
    const previous = this.tokens.get(windowId);
    this.tokens.set(windowId, token);
    // a second login from the same window replaces the first session rather than orphaning it
    if (previous !== undefined && previous !== token) this.end(previous);
  }

  /** Best effort: the core may already be closing, or the session may have expired. */
  private end(token: string): void {
    this.core.call(LOGOUT, {}, token).catch(() => {});
  }
}
