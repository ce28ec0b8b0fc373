import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openCore, type Core, type CoreOptions } from '../api/core';
import { checkCharacter } from '../registry/id-number';
import { MIGRATIONS_DIR } from '../paths';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A fresh folder on disk, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A core on a new database file in a temp folder, closed after the test unless closed before. */
export function testCore(options: Partial<CoreOptions> = {}): { core: Core; dbFile: string } {
  const dbFile = options.dbFile ?? path.join(tempDir(), 'test.db');
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, ...options });
  let open = true;
  const close = core.close;
  core.close = () => {
    if (open) close();
    open = false;
  };
  cleanups.push(() => core.close());
  return { core, dbFile };
}

/** A valid synthetic ID number: region, birth date (YYYYMMDD) and 3-digit sequence. */
export function syntheticId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + checkCharacter(first17);
}
