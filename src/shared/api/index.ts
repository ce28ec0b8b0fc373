import type { ProcedureSpec } from './procedure';
import { people, units } from './registry';
import { system } from './system';

export * from './errors';
export * from './events';
export * from './permissions';
export * from './procedure';
export * from './registry';
export * from './system';

/** Every procedure of the contract, by module. */
export const api = { system, units, people } as const;

export const allProcedures: ProcedureSpec[] = Object.values(api).flatMap((module) =>
  Object.values(module as Record<string, ProcedureSpec>),
);
