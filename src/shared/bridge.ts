import type { EventMap, EventName } from './api/events';

/**
 * What the UI finds on `window.zhijian`: the Electron preload provides it over IPC, the browser
 * shim over HTTP to `serve`. `call` rejects with a WireError.
 */
export interface ZhijianBridge {
  call(name: string, input: unknown): Promise<unknown>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** which shell provides the bridge */
  readonly shell: 'electron' | 'browser';
}
