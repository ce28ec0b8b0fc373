import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../src/core/api/core';
import { AppError } from '../src/core/api/errors';
import { createCoreHost } from './core-host';
import type { FromCore } from './core-protocol';

function fakeCore(call: Core['call']): Core & { closed: boolean; emit(name: string, payload: unknown): void } {
  const events = new EventEmitter();
  return {
    closed: false,
    call,
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    emit: (name, payload) => events.emit(name, payload),
    nodeId: 'N',
    database: undefined as never,
    asNode: () => null,
    relay: null,
    close() {
      this.closed = true;
    },
  };
}

function setup(core: Core | Error) {
  const posted: FromCore[] = [];
  const exit = vi.fn();
  const log = vi.fn();
  const openCore = vi.fn(() => {
    if (core instanceof Error) throw core;
    return core;
  });
  const host = createCoreHost({ openCore, post: (m) => posted.push(structuredClone(m)), exit, log });
  return { host, posted, exit, log, openCore };
}

const INIT = { type: 'init', dbFile: '/d/zhijian.db', migrationsDir: '/m' } as const;

describe('createCoreHost', () => {
  it('opens the core exclusively and reports ready', async () => {
    const core = fakeCore(async () => null);
    const { host, posted, openCore } = setup(core);
    await host.handle(INIT);
    expect(openCore).toHaveBeenCalledWith({ dbFile: '/d/zhijian.db', migrationsDir: '/m', exclusive: true });
    expect(posted).toEqual([{ type: 'ready' }]);
  });

  it('reports a database that cannot be opened as a WireError', async () => {
    const { host, posted } = setup(new AppError('DB_NEWER_VERSION', { found: 9, supported: 5 }));
    await host.handle(INIT);
    expect(posted).toEqual([
      { type: 'init-failed', error: { code: 'DB_NEWER_VERSION', messageKey: 'errors.DB_NEWER_VERSION', details: { found: 9, supported: 5 } } },
    ]);
  });

  it('answers calls with results or WireErrors, and logs only unexpected errors', async () => {
    const core = fakeCore(async (name) => {
      if (name === 'ok') return { n: 1 };
      if (name === 'denied') throw new AppError('FORBIDDEN', { procedure: name });
      if (name === 'clone') return { f: () => 1 };
      throw new TypeError('secret stack');
    });
    const { host, posted, log } = setup(core);
    await host.handle(INIT);
    await host.handle({ type: 'call', id: 1, name: 'ok', input: {} });
    await host.handle({ type: 'call', id: 2, name: 'denied', input: {} });
    expect(log).not.toHaveBeenCalled();
    await host.handle({ type: 'call', id: 3, name: 'bug', input: {} });
    await host.handle({ type: 'call', id: 4, name: 'clone', input: {} });
    expect(posted.slice(1)).toEqual([
      { type: 'result', id: 1, ok: true, result: { n: 1 } },
      { type: 'result', id: 2, ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN', details: { procedure: 'denied' } } },
      { type: 'result', id: 3, ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } },
      { type: 'result', id: 4, ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } },
    ]);
    expect(JSON.stringify(posted)).not.toContain('secret stack');
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('calls the core as the session the message names', async () => {
    const call = vi.fn<Core['call']>(async () => ({ n: 1 }));
    const { host, posted } = setup(fakeCore(call));
    await host.handle(INIT);
    await host.handle({ type: 'call', id: 1, name: 'system.info', input: {}, session: 'token-1' });
    await host.handle({ type: 'call', id: 2, name: 'auth.status', input: {} });
    await host.handle({ type: 'call', id: 3, name: 'system.info', input: {}, session: 42 });
    expect(call.mock.calls).toEqual([
      ['system.info', {}, 'token-1'],
      ['auth.status', {}, undefined],
    ]);
    // a malformed session is a malformed message: not answered, never called
    expect(posted.map((m) => m.type === 'result' && m.id)).toEqual([false, 1, 2]);
  });

  it('answers a call before init with INTERNAL and ignores malformed messages', async () => {
    const { host, posted } = setup(fakeCore(async () => 1));
    await host.handle({ type: 'call', id: 1, name: 'x', input: null });
    await host.handle({ type: 'call', id: 'x', name: 'x' });
    await host.handle('init');
    await host.handle(null);
    expect(posted).toEqual([{ type: 'result', id: 1, ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } }]);
  });

  it('forwards the core events it knows', async () => {
    const core = fakeCore(async () => null);
    const { host, posted } = setup(core);
    await host.handle(INIT);
    core.emit('data.changed', { tables: ['people'] });
    core.emit('import.progressed', { jobId: 'j', rows: 1, total: null });
    expect(posted.slice(1)).toEqual([
      { type: 'event', name: 'data.changed', payload: { tables: ['people'] } },
      { type: 'event', name: 'import.progressed', payload: { jobId: 'j', rows: 1, total: null } },
    ]);
  });

  it('closes the core on close, once, then exits', async () => {
    const core = fakeCore(async () => null);
    const { host, posted, exit } = setup(core);
    await host.handle(INIT);
    await host.handle({ type: 'close' });
    await host.handle({ type: 'close' });
    expect(core.closed).toBe(true);
    expect(posted.at(-1)).toEqual({ type: 'closed' });
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
    host.dispose();
  });
});
