import type { OutputOf, ParsedInputOf, ProcedureSpec } from '../../shared/api/procedure';
import type { Context } from './context';

export interface Implementation {
  spec: ProcedureSpec;
  handler: (ctx: Context, input: unknown) => unknown;
}

/** Pairs a procedure of the contract with the core's handler for it. */
export function implement<P extends ProcedureSpec>(
  spec: P,
  handler: (ctx: Context, input: ParsedInputOf<P>) => OutputOf<P> | Promise<OutputOf<P>>,
): Implementation {
  return { spec, handler: handler as Implementation['handler'] };
}
