import type { ProcedureSpec } from './procedure';
import { audit, auth, backup, roles, users } from './auth';
import { calendar, cases } from './cases';
import { people, units } from './registry';
import { system } from './system';

export * from './auth';
export * from './cases';
export * from './errors';
export * from './events';
export * from './permissions';
export * from './procedure';
export * from './registry';
export * from './system';

/** Every procedure of the contract, by module. */
export const api = { auth, users, roles, audit, backup, system, units, people, cases, calendar } as const;

export const allProcedures: ProcedureSpec[] = Object.values(api).flatMap((module) =>
  Object.values(module as Record<string, ProcedureSpec>),
);
