import type { ProcedureSpec } from './procedure';
import { audit, auth, backup, roles, users } from './auth';
import { calendar, cases } from './cases';
import { people, units } from './registry';
import { system } from './system';
import { sync } from './sync';
import { files, welfare } from './welfare';

export * from './auth';
export * from './cases';
export * from './errors';
export * from './events';
export * from './permissions';
export * from './procedure';
export * from './registry';
export * from './system';
export * from './sync';
export * from './welfare';

/** Every procedure of the contract, by module. */
export const api = { auth, users, roles, audit, backup, system, units, people, cases, calendar, files, welfare, sync } as const;

export const allProcedures: ProcedureSpec[] = Object.values(api).flatMap((module) =>
  Object.values(module as Record<string, ProcedureSpec>),
);
