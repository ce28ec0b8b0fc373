import type { InputOf, OutputOf, ProcedureSpec } from '../../shared/api/procedure';
import type { EventMap, EventName } from '../../shared/api/events';
import { installBridge } from './http-bridge';

const bridge = installBridge();

/** Calls a procedure of the contract; rejects with a WireError. */
export function call<P extends ProcedureSpec>(spec: P, input: InputOf<P>): Promise<OutputOf<P>> {
  return bridge.call(spec.name, input) as Promise<OutputOf<P>>;
}

export function on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  return bridge.on(event, listener);
}

export { bridge };
