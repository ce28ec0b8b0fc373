import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore } from '../api/core';
import { MIGRATIONS_DIR } from '../paths';
import { ADMIN, bareCore, TEST_KDF, tempDir, testCore } from '../testing/fixtures';
import { loadMigrations } from './migrate';
import { APPLICATION_ID, openDatabase } from './open';

const status = (dbFile: string) => {
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF });
  return core.call(api.auth.status.name, {}).finally(() => core.close());
};
const login = async (dbFile: string, exclusive = false) => {
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, exclusive });
  try {
    await core.call(api.auth.login.name, ADMIN);
    return core;
  } catch (error) {
    core.close();
    throw error;
  }
};

describe('opening a database', () => {
  it('creates an encrypted database with WAL, foreign keys, our application id and every migration', async () => {
    const { core, dbFile } = await testCore();
    const { sqlite } = core.database;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(core.database.schemaVersion).toBe(loadMigrations(MIGRATIONS_DIR).length);
    const nodeId = core.nodeId;
    core.close();
    expect(fs.readFileSync(dbFile).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // logging in again opens the same node
    const again = await login(dbFile);
    expect(again.nodeId).toBe(nodeId);
    again.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const { core, dbFile } = await testCore();
    core.database.sqlite.pragma(`user_version = ${core.database.schemaVersion + 1}`);
    core.close();
    const before = fs.readFileSync(dbFile);
    await expect(login(dbFile)).rejects.toMatchObject({ code: 'DB_NEWER_VERSION' });
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite database instead of offering to set it up", async () => {
    const dbFile = path.join(tempDir(), 'other.db');
    const other = new Database(dbFile);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    other.close();
    await expect(status(dbFile)).rejects.toMatchObject({ code: 'DB_FOREIGN' });
  });

  it('refuses a file that is not a database', async () => {
    const dbFile = path.join(tempDir(), 'photo.db');
    fs.writeFileSync(dbFile, Buffer.from('\x89PNG\r\n\x1a\n this is not sqlite at all'));
    await expect(status(dbFile)).rejects.toMatchObject({ code: 'DB_NOT_SQLITE' });
  });

  it('says the key slots are missing when an encrypted database is copied without them', async () => {
    const { core, dbFile } = await testCore();
    core.close();
    const copy = path.join(tempDir(), 'copied.db');
    fs.copyFileSync(dbFile, copy);
    await expect(status(copy)).rejects.toMatchObject({ code: 'KEYSLOTS_MISSING' });
    await expect(login(copy)).rejects.toMatchObject({ code: 'KEYSLOTS_MISSING' });
  });

  it('reports a truncated database after a correct login, and changes nothing', async () => {
    const { core, dbFile } = await testCore();
    await core.call(api.system.loadDemo.name, {});
    core.close();
    const bytes = fs.readFileSync(dbFile);
    fs.writeFileSync(dbFile, bytes.subarray(0, Math.floor(bytes.length / 2 / 4096) * 4096));
    fs.rmSync(`${dbFile}-wal`, { force: true });
    await expect(login(dbFile).then((c) => c.call(api.people.search.name, { query: 'h' }).finally(() => c.close()))).rejects.toMatchObject({
      code: expect.stringMatching(/DB_CORRUPT|DB_KEY_REJECTED/),
    });
  });

  it('does not create a database where one is required to exist', () => {
    const dbFile = path.join(tempDir(), 'missing.db');
    expect(() => openDatabase({ file: dbFile, migrationsDir: MIGRATIONS_DIR, create: false, key: null })).toThrow(expect.objectContaining({ code: 'DB_NOT_FOUND' }));
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('refuses a second application instance on the same database, and takes over a stale lock', async () => {
    const { dbFile } = bareCore({ exclusive: true });
    expect(() => openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, exclusive: true })).toThrow(expect.objectContaining({ code: 'DATA_DIR_LOCKED' }));

    const other = path.join(tempDir(), 'stale.db');
    fs.writeFileSync(`${other}.lock`, '999999999'); // no such process
    const core = openCore({ dbFile: other, migrationsDir: MIGRATIONS_DIR, exclusive: true });
    expect(fs.readFileSync(`${other}.lock`, 'utf8')).toBe(String(process.pid));
    core.close();
    expect(fs.existsSync(`${other}.lock`)).toBe(false);
  });
});
