import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { api, type SessionOpened } from '../../shared/api';
import { openCore, type Core, type CoreOptions } from '../api/core';
import { checkCharacter } from '../registry/id-number';
import { MIGRATIONS_DIR } from '../paths';

/** What a test made is removed after it; what a `beforeAll` made (lifetime 'file'), after the file. */
type Lifetime = 'test' | 'file';
const cleanups: Record<Lifetime, (() => void)[]> = { test: [], file: [] };
const runAll = (list: (() => void)[]) => {
  while (list.length > 0) list.pop()!();
};
afterEach(() => runAll(cleanups.test));
afterAll(() => runAll(cleanups.file));

/** scrypt at a cost that keeps tests fast; production slots record their own, higher cost */
export const TEST_KDF = { N: 2 ** 10 };
export const ADMIN = { username: 'admin', password: 'lijiang-test-2026' };

/** A fresh folder on disk, removed after the test. */
export function tempDir(lifetime: Lifetime = 'test'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-test-'));
  cleanups[lifetime].push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A core on a database file, closed after the test unless closed before; nobody logged in. */
export function bareCore(options: Partial<CoreOptions> & { lifetime?: Lifetime } = {}): { core: Core; dbFile: string } {
  const { lifetime = 'test', ...coreOptions } = options;
  const dbFile = coreOptions.dbFile ?? path.join(tempDir(lifetime), 'test.db');
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, ...coreOptions });
  let open = true;
  const close = core.close;
  core.close = () => {
    if (open) close();
    open = false;
  };
  cleanups[lifetime].push(() => core.close());
  return { core, dbFile };
}

/**
 * A set-up database with the administrator logged in: `core.call` acts as the administrator
 * unless a session token is given.
 */
export async function testCore(options: Partial<CoreOptions> & { demo?: boolean; lifetime?: Lifetime } = {}): Promise<{ core: Core; dbFile: string; adminToken: string; recoveryKey: string }> {
  const { demo = false, ...coreOptions } = options;
  const { core, dbFile } = bareCore(coreOptions);
  const setup = (await core.call(api.auth.setup.name, { username: ADMIN.username, displayName: '管理员', password: ADMIN.password, demo })) as SessionOpened & {
    recoveryKey: string;
  };
  const adminToken = setup.sessionToken!;
  const call = core.call.bind(core);
  core.call = (name, input, session = adminToken) => call(name, input, session);
  return { core, dbFile, adminToken, recoveryKey: setup.recoveryKey };
}

/** Logs a user in and returns the session token. */
export async function logIn(core: Core, username: string, password: string): Promise<string> {
  return ((await core.call(api.auth.login.name, { username, password }, '')) as SessionOpened).sessionToken!;
}

/** A valid synthetic ID number: region, birth date (YYYYMMDD) and 3-digit sequence. */
export function syntheticId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + checkCharacter(first17);
}
