import type { z } from 'zod';
import type { Access } from './permissions';

/**
 * One procedure of the contract: its name, the zod schema of its input, the permission a caller
 * needs, and whether it writes. The output type rides along as a phantom so that the UI client
 * and the core handler agree on it without sharing code.
 */
export interface ProcedureSpec<Input extends z.ZodType = z.ZodType, Output = unknown> {
  readonly name: string;
  readonly input: Input;
  readonly permission: Access;
  /** true: the handler runs through the write path (audit + change log) */
  readonly mutates: boolean;
  readonly __output?: Output;
}

export type InputOf<P extends ProcedureSpec> = z.input<P['input']>;
export type ParsedInputOf<P extends ProcedureSpec> = z.output<P['input']>;
export type OutputOf<P extends ProcedureSpec> = P extends ProcedureSpec<z.ZodType, infer O> ? O : never;

export function procedure<Output>() {
  return <Input extends z.ZodType>(spec: {
    name: string;
    input: Input;
    permission: Access;
    mutates: boolean;
  }): ProcedureSpec<Input, Output> => spec;
}
