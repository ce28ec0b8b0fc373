import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../api/errors';
import { applyKey } from './cipher';
import { loadMigrations, migrate } from './migrate';
import * as schema from './schema';

/** Written into the SQLite header so that a database of another program is recognised. */
export const APPLICATION_ID = 0x5a4a4a31; // "ZJJ1"
const SQLITE_MAGIC = 'SQLite format 3\0';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  schemaVersion: number;
}

export interface OpenOptions {
  file: string;
  migrationsDir: string;
  /** false: refuse to create a database that does not exist yet */
  create: boolean;
  /** the raw 32-byte master key of an encrypted database; null only for tests of plaintext upgrade */
  key: Uint8Array | null;
}

function checkHeader(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) return; // an empty file is a new database
    if (read < 16 || header.toString('latin1') !== SQLITE_MAGIC) throw new AppError('DB_NOT_SQLITE', { file });
  } finally {
    fs.closeSync(fd);
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}

function isNotADatabase(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'SQLITE_NOTADB';
}

/**
 * Opens (or creates) the database file with the pragmas the application relies on, checks that
 * it is ours and not from a newer version, and applies pending migrations.
 */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const { file, migrationsDir } = options;
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new AppError('DB_NOT_FOUND', { file });
  // an encrypted file has no readable header: its key decides
  if (exists && !options.key) checkHeader(file);

  const sqlite = new Database(file);
  try {
    if (options.key) applyKey(sqlite, options.key);
    const tables = sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    if (tables.n > 0 && appId !== APPLICATION_ID) throw new AppError('DB_FOREIGN', { file });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (appId !== APPLICATION_ID) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const schemaVersion = migrate(sqlite, loadMigrations(migrationsDir));
    return { sqlite, db: drizzle(sqlite, { schema }), schemaVersion };
  } catch (error) {
    sqlite.close();
    if (error instanceof AppError) throw error;
    if (isCorruption(error)) throw new AppError(options.key && isNotADatabase(error) ? 'DB_KEY_REJECTED' : 'DB_CORRUPT', { file });
    throw error;
  }
}
