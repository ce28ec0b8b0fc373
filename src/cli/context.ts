import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import type { AuthStatus, SessionOpened } from '../shared/api';
import { api } from '../shared/api';
import type { InputOf, OutputOf, ProcedureSpec } from '../shared/api/procedure';
import { openCore, type Core } from '../core/api/core';
import { AppError } from '../core/api/errors';
import { MIGRATIONS_DIR } from '../core/paths';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  t: TFunction;
  /** asks on the terminal (hidden: no echo); absent when stdin is not a terminal */
  prompt?: (question: string, hidden: boolean) => Promise<string>;
}

/** The database a command works on: `--db FILE`, else ZHIJIAN_DB. */
export function databasePath(db: string | undefined, env: CliIo['env']): string {
  const file = db ?? env.ZHIJIAN_DB;
  if (!file) throw new AppError('INVALID_INPUT', { issues: ['--db FILE (or ZHIJIAN_DB) is required'] });
  return path.resolve(file);
}

export function openNew(file: string): Core {
  if (fs.existsSync(file) && fs.statSync(file).size > 0) throw new AppError('DB_EXISTS', { file });
  return openCore({ dbFile: file, migrationsDir: MIGRATIONS_DIR });
}

/** The acting user: ZHIJIAN_USER and ZHIJIAN_PASSWORD, else asked on a terminal. */
export async function credentials(io: CliIo): Promise<{ username: string; password: string }> {
  let username = io.env.ZHIJIAN_USER;
  let password = io.env.ZHIJIAN_PASSWORD;
  if (!username && io.prompt) username = await io.prompt('user: ', false);
  if (!password && io.prompt) password = await io.prompt('password: ', true);
  if (!username || !password) throw new AppError('SESSION_REQUIRED');
  return { username, password };
}

/** A command's logged-in session on an existing database. */
export interface CliSession {
  core: Core;
  token: string;
  close(): void;
}

export async function logIn(file: string, io: CliIo): Promise<CliSession> {
  if (!fs.existsSync(file)) throw new AppError('DB_NOT_FOUND', { file });
  const core = openCore({ dbFile: file, migrationsDir: MIGRATIONS_DIR });
  try {
    // the file first: nobody is asked for a password to open something that is no database of ours
    const status = (await core.call(api.auth.status.name, {})) as AuthStatus;
    if (status.state === 'setup') throw new AppError('SETUP_REQUIRED', { file });
    const opened = (await core.call(api.auth.login.name, await credentials(io))) as SessionOpened;
    return { core, token: opened.sessionToken!, close: () => core.close() };
  } catch (error) {
    core.close();
    throw error;
  }
}

/** Calls a procedure through the same table as every shell, as the session's user. */
export async function run<P extends ProcedureSpec>(session: CliSession, spec: P, input: InputOf<P>): Promise<OutputOf<P>> {
  return (await session.core.call(spec.name, input, session.token)) as OutputOf<P>;
}

/** Opens a session for the command, runs it, and closes the database whatever happens. */
export async function withSession<T>(db: string | undefined, io: CliIo, fn: (session: CliSession) => Promise<T>): Promise<T> {
  const session = await logIn(databasePath(db, io.env), io);
  try {
    return await fn(session);
  } finally {
    session.close();
  }
}
