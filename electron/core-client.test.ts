import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CoreClient, type CorePort } from './core-client';
import type { FromCore, ToCore } from './core-protocol';

class FakePort extends EventEmitter implements CorePort {
  sent: ToCore[] = [];
  killed = false;
  postMessage(message: ToCore): void {
    this.sent.push(structuredClone(message));
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  answer(message: FromCore): void {
    this.emit('message', message);
  }
  die(code = 1): void {
    this.emit('exit', code);
  }
}

const INIT = { dbFile: '/data/zhijian.db', migrationsDir: '/app/migrations' };

describe('CoreClient', () => {
  it('sends init first and reports the opened database', async () => {
    const port = new FakePort();
    const client = new CoreClient(port, INIT);
    expect(port.sent[0]).toEqual({ type: 'init', ...INIT });
    port.answer({ type: 'ready' });
    await expect(client.opened()).resolves.toEqual({ ok: true });
  });

  it('reports why the database could not be opened', async () => {
    const port = new FakePort();
    const client = new CoreClient(port, INIT);
    const error = { code: 'DATA_DIR_LOCKED', messageKey: 'errors.DATA_DIR_LOCKED', details: { pid: 42 } } as const;
    port.answer({ type: 'init-failed', error });
    await expect(client.opened()).resolves.toEqual({ ok: false, error });
  });

  it('numbers calls and settles each from its own answer, in any order', async () => {
    const port = new FakePort();
    const client = new CoreClient(port, INIT);
    const first = client.call('system.info', {});
    const second = client.call('units.list', { q: 'x' });
    const [a, b] = port.sent.slice(1) as Extract<ToCore, { type: 'call' }>[];
    expect(a).toMatchObject({ type: 'call', name: 'system.info' });
    expect(b).toMatchObject({ type: 'call', name: 'units.list', input: { q: 'x' } });
    expect(a!.id).not.toBe(b!.id);
    port.answer({ type: 'result', id: b!.id, ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN' } });
    port.answer({ type: 'result', id: a!.id, ok: true, result: { version: '0.1.0' } });
    await expect(first).resolves.toEqual({ ok: true, result: { version: '0.1.0' } });
    await expect(second).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN' } });
    expect(client.pendingCount).toBe(0);
  });

  it('sends the session a call is made as, and none when there is none', () => {
    const port = new FakePort();
    const client = new CoreClient(port, INIT);
    void client.call('system.info', {}, 'token-1');
    void client.call('auth.status', {});
    expect(port.sent[1]).toEqual({ type: 'call', id: 1, name: 'system.info', input: {}, session: 'token-1' });
    expect(port.sent[2]).toEqual({ type: 'call', id: 2, name: 'auth.status', input: {} });
    expect(port.sent[2]).not.toHaveProperty('session');
  });

  it('fails every pending call with INTERNAL when the process dies, and later ones at once', async () => {
    const port = new FakePort();
    const client = new CoreClient(port, INIT);
    const exited = vi.fn();
    client.onExit(exited);
    const pending = [client.call('a', {}), client.call('b', {})];
    port.die(9);
    const internal = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } };
    await expect(Promise.all(pending)).resolves.toEqual([internal, internal]);
    await expect(client.call('c', {})).resolves.toEqual(internal);
    await expect(client.opened()).resolves.toEqual({ ok: false, error: internal.error });
    expect(exited).toHaveBeenCalledWith(9);
    expect(client.isAlive).toBe(false);
    expect(client.pendingCount).toBe(0);
  });

  it('answers an input that cannot cross the process boundary with INVALID_INPUT', async () => {
    const port = new FakePort();
    const client = new CoreClient(port, INIT);
    await expect(client.call('a', { f: () => 1 })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(client.pendingCount).toBe(0);
  });

  it('forwards events', () => {
    const port = new FakePort();
    const client = new CoreClient(port, INIT);
    const listener = vi.fn();
    client.onEvent(listener);
    port.answer({ type: 'event', name: 'data.changed', payload: { tables: ['units'] } });
    expect(listener).toHaveBeenCalledWith('data.changed', { tables: ['units'] });
  });

  it('closes by asking, and kills a process that does not exit in time', async () => {
    const port = new FakePort();
    const client = new CoreClient(port, INIT);
    const closing = client.close(1000);
    expect(port.sent.at(-1)).toEqual({ type: 'close' });
    port.die(0);
    await closing;
    expect(port.killed).toBe(false);

    const stuck = new FakePort();
    await new CoreClient(stuck, INIT).close(10);
    expect(stuck.killed).toBe(true);
  });
});
