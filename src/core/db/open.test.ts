import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../api/core';
import { AppError } from '../api/errors';
import { MIGRATIONS_DIR } from '../paths';
import { tempDir, testCore } from '../testing/fixtures';
import { loadMigrations } from './migrate';
import { APPLICATION_ID } from './open';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return undefined;
}

const open = (dbFile: string, exclusive = false) => openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, exclusive });

describe('opening a database', () => {
  it('creates a new database with WAL, foreign keys, our application id and every migration', () => {
    const { core, dbFile } = testCore();
    const { sqlite } = core.database;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(core.schemaVersion).toBe(loadMigrations(MIGRATIONS_DIR).length);
    core.close();
    // reopening keeps the node id
    const again = open(dbFile);
    expect(again.nodeId).toBe(core.nodeId);
    again.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const { core, dbFile } = testCore();
    core.database.sqlite.pragma(`user_version = ${core.schemaVersion + 1}`);
    core.close();
    const before = fs.readFileSync(dbFile);
    expect(codeOf(() => open(dbFile))).toBe('DB_NEWER_VERSION');
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
  });

  it('refuses another program\'s SQLite database', () => {
    const dbFile = path.join(tempDir(), 'other.db');
    const other = new Database(dbFile);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    other.close();
    expect(codeOf(() => open(dbFile))).toBe('DB_FOREIGN');
  });

  it('refuses a file that is not a database', () => {
    const dbFile = path.join(tempDir(), 'photo.db');
    fs.writeFileSync(dbFile, Buffer.from('\x89PNG\r\n\x1a\n this is not sqlite at all'));
    expect(codeOf(() => open(dbFile))).toBe('DB_NOT_SQLITE');
  });

  it('reports a database whose pages are corrupt', () => {
    const { core, dbFile } = testCore();
    core.close();
    const bytes = fs.readFileSync(dbFile);
    // keep the 100-byte header, overwrite the schema page
    bytes.fill(0xa5, 100, Math.min(bytes.length, 4096));
    fs.writeFileSync(dbFile, bytes);
    fs.rmSync(`${dbFile}-wal`, { force: true });
    expect(codeOf(() => open(dbFile))).toBe('DB_CORRUPT');
  });

  it('does not create a database where one is required to exist', () => {
    const dbFile = path.join(tempDir(), 'missing.db');
    expect(codeOf(() => openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, create: false }))).toBe('DB_NOT_FOUND');
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('refuses a second application instance on the same database, and takes over a stale lock', () => {
    const { dbFile } = testCore({ exclusive: true });
    expect(codeOf(() => open(dbFile, true))).toBe('DATA_DIR_LOCKED');

    const other = path.join(tempDir(), 'stale.db');
    fs.writeFileSync(`${other}.lock`, '999999999'); // no such process
    const core = open(other, true);
    expect(fs.readFileSync(`${other}.lock`, 'utf8')).toBe(String(process.pid));
    core.close();
    expect(fs.existsSync(`${other}.lock`)).toBe(false);
  });
});
