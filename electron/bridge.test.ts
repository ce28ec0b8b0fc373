import { describe, expect, it, vi } from 'vitest';
import { createIpcBridge } from './bridge';

function setup(answer: (name: string, input: unknown) => Promise<unknown>) {
  let emit: (name: unknown, payload: unknown) => void = () => {};
  const invoke = vi.fn(answer);
  const bridge = createIpcBridge(invoke, (listener) => (emit = listener));
  return { bridge, invoke, emit: (name: unknown, payload: unknown) => emit(name, payload) };
}

describe('createIpcBridge', () => {
  it('is the electron shell and exposes call, on and shell only', () => {
    const { bridge } = setup(async () => ({ ok: true, result: 1 }));
    expect(bridge.shell).toBe('electron');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on', 'shell']);
  });

  it('resolves with the result and rejects with the WireError', async () => {
    const error = { code: 'NOT_FOUND', messageKey: 'errors.NOT_FOUND', details: { id: 'x' } };
    const { bridge, invoke } = setup(async (name) => (name === 'system.info' ? { ok: true, result: { v: 1 } } : { ok: false, error }));
    await expect(bridge.call('system.info', {})).resolves.toEqual({ v: 1 });
    expect(invoke).toHaveBeenCalledWith('system.info', {});
    await expect(bridge.call('people.get', { id: 'x' })).rejects.toEqual(error);
  });

  it('turns a failed invoke or a malformed answer into INTERNAL, never an Error with a stack', async () => {
    const internal = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };
    await expect(setup(async () => Promise.reject(new Error('boom'))).bridge.call('a', {})).rejects.toEqual(internal);
    await expect(setup(async () => ({ ok: false, error: 'nope' })).bridge.call('a', {})).rejects.toEqual(internal);
    await expect(setup(async () => undefined).bridge.call('a', {})).rejects.toEqual(internal);
  });

  it('refuses a procedure name that is not a string without calling main', async () => {
    const { bridge, invoke } = setup(async () => ({ ok: true, result: null }));
    await expect(bridge.call(42 as unknown as string, {})).rejects.toMatchObject({ code: 'UNKNOWN_PROCEDURE' });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers known events to their listeners until unsubscribed, and drops unknown ones', () => {
    const { bridge, emit } = setup(async () => ({ ok: true, result: null }));
    const changed = vi.fn();
    const progressed = vi.fn();
    const off = bridge.on('data.changed', changed);
    bridge.on('import.progressed', progressed);
    emit('data.changed', { tables: ['people'] });
    emit('secret.event', { x: 1 });
    emit({ toString: () => 'data.changed' }, {});
    expect(changed).toHaveBeenCalledExactlyOnceWith({ tables: ['people'] });
    expect(progressed).not.toHaveBeenCalled();
    off();
    emit('data.changed', { tables: [] });
    expect(changed).toHaveBeenCalledOnce();
  });

  it('ignores subscriptions to unknown events and keeps delivering past a throwing listener', () => {
    const { bridge, emit } = setup(async () => ({ ok: true, result: null }));
    const off = bridge.on('nope' as 'data.changed', vi.fn());
    expect(typeof off).toBe('function');
    const second = vi.fn();
    bridge.on('data.changed', () => {
      throw new Error('listener bug');
    });
    bridge.on('data.changed', second);
    emit('data.changed', { tables: [] });
    expect(second).toHaveBeenCalledOnce();
  });
});
