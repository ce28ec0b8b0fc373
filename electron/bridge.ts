import type { WireError } from '../src/shared/api/errors';
import { isWireError } from '../src/shared/api/errors';
import type { EventName } from '../src/shared/api/events';
import type { ZhijianBridge } from '../src/shared/bridge';
import type { CallOutcome } from './core-protocol';
import { isEventName } from '../src/shared/api/events';

export const CALL_CHANNEL = 'zhijian:call';
export const EVENT_CHANNEL = 'zhijian:event';

const INTERNAL: WireError = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };

function isOutcome(value: unknown): value is CallOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return o.ok === true || (o.ok === false && isWireError(o.error));
}

/**
 * The object the preload exposes as `window.zhijian`, over two functions the preload gets from
 * ipcRenderer: `invoke` a call in main, `subscribe` to the events main forwards. Nothing else
 * of Electron or Node reaches the page.
 */
export function createIpcBridge(
  invoke: (name: string, input: unknown) => Promise<unknown>,
  subscribe: (listener: (name: unknown, payload: unknown) => void) => void,
): ZhijianBridge {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  subscribe((name, payload) => {
    if (!isEventName(name)) return;
    for (const listener of listeners.get(name) ?? []) {
      try {
        listener(payload as never);
      } catch {
        // one failing listener must not keep the event from the others
      }
    }
  });
  return {
    shell: 'electron',
    async call(name, input) {
      if (typeof name !== 'string') {
        throw { code: 'UNKNOWN_PROCEDURE', messageKey: 'errors.UNKNOWN_PROCEDURE', details: { name: String(name) } } satisfies WireError;
      }
      let outcome: unknown;
      try {
        outcome = await invoke(name, input);
      } catch {
        throw INTERNAL;
      }
      if (!isOutcome(outcome)) throw INTERNAL;
      if (outcome.ok) return outcome.result;
      throw outcome.error;
    },
    on(event, listener) {
      if (!isEventName(event) || typeof listener !== 'function') return () => {};
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  };
}
