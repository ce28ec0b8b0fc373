import type { Core, CoreOptions } from '../src/core/api/core';
import { toWireError } from '../src/core/api/errors';
import { EVENT_NAMES } from '../src/shared/api/events';
import { isToCore, type FromCore } from './core-protocol';

export interface CoreHostOptions {
  openCore: (options: CoreOptions) => Core;
  post: (message: FromCore) => void;
  /** called once the core is closed (the process then exits) */
  exit: (code: number) => void;
  /** where an unexpected error's stack goes (stderr); the caller only ever sees a WireError */
  log?: (error: unknown) => void;
}

const INTERNAL = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } as const;

/**
 * The core process's side of the protocol, without Electron: opens the core on `init`, answers
 * each `call` (as the session it names) with its result or a WireError, forwards the core's events, closes on `close`.
 */
export function createCoreHost({ openCore, post, exit, log = () => {} }: CoreHostOptions) {
  let core: Core | null = null;
  let closed = false;

  function close(code: number): void {
    if (closed) return;
    closed = true;
    try {
      core?.close();
    } finally {
      core = null;
      post({ type: 'closed' });
      exit(code);
    }
  }

  async function handle(message: unknown): Promise<void> {
    if (!isToCore(message) || closed) return;
    switch (message.type) {
      case 'init': {
        if (core) return;
        try {
          // the private network's relay, as the deployment sets it (ZHIJIAN_RELAY), for background sync
          const relayUrl = process.env.ZHIJIAN_RELAY;
          core = openCore({ dbFile: message.dbFile, migrationsDir: message.migrationsDir, exclusive: true, ...(relayUrl ? { relayUrl } : {}) });
        } catch (error) {
          if (toWireError(error).code === 'INTERNAL') log(error);
          post({ type: 'init-failed', error: toWireError(error) });
          return;
        }
        for (const name of EVENT_NAMES) core.on(name, (payload) => post({ type: 'event', name, payload }));
        post({ type: 'ready' });
        return;
      }
      case 'call': {
        const { id, name, input, session } = message;
        if (!core) {
          post({ type: 'result', id, ok: false, error: INTERNAL });
          return;
        }
        let result: unknown;
        try {
          result = await core.call(name, input, session);
        } catch (error) {
          if (toWireError(error).code === 'INTERNAL') log(error);
          post({ type: 'result', id, ok: false, error: toWireError(error) });
          return;
        }
        try {
          post({ type: 'result', id, ok: true, result });
        } catch (error) {
          // a result that cannot be cloned across the process boundary is a bug in the procedure
          log(error);
          post({ type: 'result', id, ok: false, error: INTERNAL });
        }
        return;
      }
      case 'close':
        close(0);
        return;
    }
  }

  /** On the way out (process exit, signal): close the database, say nothing more. */
  function dispose(): void {
    if (closed) return;
    closed = true;
    const open = core;
    core = null;
    open?.close();
  }

  return {
    handle,
    close,
    dispose,
    get isOpen() {
      return core !== null;
    },
  };
}
