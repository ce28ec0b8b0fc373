import type { WireError } from '../src/shared/api/errors';
import type { EventName } from '../src/shared/api/events';
import type { CallOutcome, FromCore, ToCore } from './core-protocol';

/** The part of Electron's UtilityProcess the client uses (so that a Node test can fake it). */
export interface CorePort {
  postMessage(message: ToCore): void;
  on(event: 'message', listener: (message: FromCore) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

const INTERNAL: WireError = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };

/**
 * Main's handle on the core process: numbers each call, keeps the pending ones, settles them
 * from the answers, and fails them all with INTERNAL if the process dies.
 */
export class CoreClient {
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: CallOutcome) => void>();
  private readonly eventListeners = new Set<(name: EventName, payload: unknown) => void>();
  private readonly exitListeners = new Set<(code: number) => void>();
  private exited = false;
  private readonly ready: Promise<{ ok: true } | { ok: false; error: WireError }>;

  constructor(
    private readonly port: CorePort,
    init: { dbFile: string; migrationsDir: string },
  ) {
    let settleReady: (value: { ok: true } | { ok: false; error: WireError }) => void = () => {};
    this.ready = new Promise((resolve) => (settleReady = resolve));
    port.on('message', (message: FromCore) => {
      switch (message.type) {
        case 'ready':
          settleReady({ ok: true });
          break;
        case 'init-failed':
          settleReady({ ok: false, error: message.error });
          break;
        case 'result': {
          const settle = this.pending.get(message.id);
          this.pending.delete(message.id);
          settle?.(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
          break;
        }
        case 'event':
          for (const listener of this.eventListeners) listener(message.name, message.payload);
          break;
        case 'closed':
          break;
      }
    });
    port.on('exit', (code: number) => {
      this.exited = true;
      settleReady({ ok: false, error: INTERNAL });
      for (const settle of this.pending.values()) settle({ ok: false, error: INTERNAL });
      this.pending.clear();
      for (const listener of this.exitListeners) listener(code);
    });
    port.postMessage({ type: 'init', ...init });
  }

  /** Resolves once the core has opened its database, or with the reason it could not. */
  opened() {
    return this.ready;
  }

  /**
   * Never rejects: the outcome carries either the result or a WireError. `session` is the
   * calling window's token (see WindowSessions); the result comes back as the core gave it.
   */
  call(name: string, input: unknown, session?: string): Promise<CallOutcome> {
    if (this.exited) return Promise.resolve({ ok: false, error: INTERNAL });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        this.port.postMessage(session === undefined ? { type: 'call', id, name, input } : { type: 'call', id, name, input, session });
      } catch {
        // the input could not be cloned
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', details: { procedure: name, issues: ['(input): not cloneable'] } } });
      }
    });
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  get isAlive(): boolean {
    return !this.exited;
  }

  onEvent(listener: (name: EventName, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onExit(listener: (code: number) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Asks the core to close its database; kills the process if it has not exited in time. */
  close(timeoutMs = 3000): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.port.kill();
        resolve();
      }, timeoutMs);
      this.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      try {
        this.port.postMessage({ type: 'close' });
      } catch {
        this.port.kill();
      }
    });
  }
}
