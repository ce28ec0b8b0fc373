import path from 'node:path';
import type { TFunction } from 'i18next';
import type { InputOf, OutputOf, ProcedureSpec } from '../shared/api/procedure';
import { openCore, type Core } from '../core/api/core';
import { AppError } from '../core/api/errors';
import { MIGRATIONS_DIR } from '../core/paths';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  t: TFunction;
}

/** The database a command works on: `--db FILE`, else ZHIJIAN_DB. */
export function databasePath(db: string | undefined, env: CliIo['env']): string {
  const file = db ?? env.ZHIJIAN_DB;
  if (!file) throw new AppError('INVALID_INPUT', { issues: ['--db FILE (or ZHIJIAN_DB) is required'] });
  return path.resolve(file);
}

export function openForCommand(file: string, create = false): Core {
  return openCore({ dbFile: file, migrationsDir: MIGRATIONS_DIR, create });
}

/** Calls a procedure through the same table as every shell. */
export async function run<P extends ProcedureSpec>(core: Core, spec: P, input: InputOf<P>): Promise<OutputOf<P>> {
  return (await core.call(spec.name, input)) as OutputOf<P>;
}
