import { describe, expect, it } from 'vitest';
import type { CallOutcome } from './core-protocol';
import { WindowSessions, type SessionCore } from './window-sessions';

/** A core with just enough of a session store: login opens one, logout ends it. */
class FakeCore implements SessionCore {
  readonly calls: { name: string; input: unknown; session: string | undefined }[] = [];
  readonly open = new Set<string>();
  private next = 1;
  /** the next call of this name waits until the test releases it */
  private held: { name: string; gate: Promise<void> } | null = null;

  hold(name: string): () => void {
    let release = () => {};
    this.held = { name, gate: new Promise<void>((resolve) => (release = resolve)) };
    return () => release();
  }

  async call(name: string, input: unknown, session?: string): Promise<CallOutcome> {
    this.calls.push({ name, input, session });
    const held = this.held;
    if (held?.name === name) {
      this.held = null;
      await held.gate;
    }
    switch (name) {
      case 'auth.login': {
        const token = `token-${this.next++}`;
        this.open.add(token);
        return { ok: true, result: { user: { username: 'admin' }, sessionToken: token } };
      }
      case 'auth.logout':
        if (!session || !this.open.delete(session)) return { ok: false, error: { code: 'SESSION_REQUIRED', messageKey: 'errors.SESSION_REQUIRED' } };
        return { ok: true, result: { endSession: true } };
      case 'system.info':
        if (!session || !this.open.has(session)) return { ok: false, error: { code: 'SESSION_REQUIRED', messageKey: 'errors.SESSION_REQUIRED' } };
        return { ok: true, result: { version: '0.1.0' } };
      default:
        return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', messageKey: 'errors.UNKNOWN_PROCEDURE' } };
    }
  }

  sessionOf(index: number): string | undefined {
    return this.calls.at(index)?.session;
  }
}

const LOGIN = { username: 'admin', password: 'lijiang-test-2026' };
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('WindowSessions', () => {
  it('keeps the token of a login from its page and sends it with that window’s next calls', async () => {
    const core = new FakeCore();
    const sessions = new WindowSessions(core);
    expect(await sessions.call(1, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    expect(core.sessionOf(-1)).toBeUndefined();

    const login = await sessions.call(1, 'auth.login', LOGIN);
    expect(login).toEqual({ ok: true, result: { user: { username: 'admin' } } });
    expect(JSON.stringify(login)).not.toContain('token-');
    expect(sessions.has(1)).toBe(true);

    expect(await sessions.call(1, 'system.info', {})).toEqual({ ok: true, result: { version: '0.1.0' } });
    expect(core.sessionOf(-1)).toBe('token-1');
  });

  it('never sends one window’s session with another window’s calls', async () => {
    const core = new FakeCore();
    const sessions = new WindowSessions(core);
    await sessions.call(1, 'auth.login', LOGIN);
    expect(await sessions.call(2, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    expect(core.sessionOf(-1)).toBeUndefined();

    await sessions.call(2, 'auth.login', LOGIN);
    await sessions.call(1, 'system.info', {});
    expect(core.sessionOf(-1)).toBe('token-1');
    await sessions.call(2, 'system.info', {});
    expect(core.sessionOf(-1)).toBe('token-2');
  });

  it('forgets the session when the core ends it (logout)', async () => {
    const core = new FakeCore();
    const sessions = new WindowSessions(core);
    await sessions.call(1, 'auth.login', LOGIN);
    await sessions.call(2, 'auth.login', LOGIN);
    expect(await sessions.call(1, 'auth.logout', {})).toEqual({ ok: true, result: { endSession: true } });
    expect(core.sessionOf(-1)).toBe('token-1');
    expect(sessions.has(1)).toBe(false);

    await sessions.call(1, 'system.info', {});
    expect(core.sessionOf(-1)).toBeUndefined();
    // the other window is still logged in
    expect(await sessions.call(2, 'system.info', {})).toMatchObject({ ok: true });
    expect(core.sessionOf(-1)).toBe('token-2');
  });

  it('keeps the session when a call fails', async () => {
    const core = new FakeCore();
    const sessions = new WindowSessions(core);
    await sessions.call(1, 'auth.login', LOGIN);
    expect(await sessions.call(1, 'no.such', {})).toMatchObject({ ok: false });
    await sessions.call(1, 'system.info', {});
    expect(core.sessionOf(-1)).toBe('token-1');
  });

  it('forgets the session when the window closes, and ends it in the core', async () => {
    const core = new FakeCore();
    const sessions = new WindowSessions(core);
    await sessions.call(1, 'auth.login', LOGIN);
    await sessions.call(2, 'auth.login', LOGIN);
    sessions.windowClosed(1);
    expect(sessions.has(1)).toBe(false);
    expect(core.calls.at(-1)).toEqual({ name: 'auth.logout', input: {}, session: 'token-1' });
    await flush();
    expect(core.open).toEqual(new Set(['token-2']));
    expect(sessions.size).toBe(1);

    // a window without a session closes without a word to the core
    const before = core.calls.length;
    sessions.windowClosed(3);
    expect(core.calls).toHaveLength(before);
  });

  it('ends a session whose login finished after its window closed', async () => {
    const core = new FakeCore();
    const sessions = new WindowSessions(core);
    const release = core.hold('auth.login');
    const login = sessions.call(1, 'auth.login', LOGIN);
    sessions.windowClosed(1);
    release();
    expect(await login).toEqual({ ok: true, result: { user: { username: 'admin' } } });
    await flush();
    expect(sessions.has(1)).toBe(false);
    expect(core.calls.at(-1)).toEqual({ name: 'auth.logout', input: {}, session: 'token-1' });
    expect(core.open.size).toBe(0);
  });

  it('ends the previous session when the same window logs in again', async () => {
    const core = new FakeCore();
    const sessions = new WindowSessions(core);
    await sessions.call(1, 'auth.login', LOGIN);
    await sessions.call(1, 'auth.login', LOGIN);
    await flush();
    expect(core.open).toEqual(new Set(['token-2']));
    await sessions.call(1, 'system.info', {});
    expect(core.sessionOf(-1)).toBe('token-2');
  });
});
