import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../api/errors';

interface Journal {
  entries: { idx: number; tag: string }[];
}

export interface Migration {
  version: number;
  tag: string;
  statements: string[];
}

/** The migrations drizzle-kit generated, in order; version N is the Nth (1-based). */
export function loadMigrations(migrationsDir: string): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry, i) => ({
      version: i + 1,
      tag: entry.tag,
      statements: fs
        .readFileSync(path.join(migrationsDir, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/**
 * Brings the schema up to the newest migration. The schema version lives in `user_version`, so
 * a database written by a newer application (a higher version than we know) is refused before
 * anything is touched.
 */
export function migrate(sqlite: Database.Database, migrations: Migration[]): number {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new AppError('DB_NEWER_VERSION', { databaseVersion: current, applicationVersion: latest });
  }
  // A migration may rebuild a table (SQLite's twelve steps: a new table, copy, drop, rename),
  // which needs foreign keys off (the pragma is a no-op inside a transaction); each migration
  // checks them itself before it commits.
  const enforced = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) sqlite.pragma('foreign_keys = OFF');
  try {
    for (const migration of migrations.slice(current)) {
      sqlite.transaction(() => {
        for (const statement of migration.statements) sqlite.exec(statement);
        const broken = sqlite.pragma('foreign_key_check') as { table: string }[];
        if (enforced && broken.length > 0) throw new Error(`migration ${migration.version} breaks foreign keys in ${broken[0]!.table}`);
        sqlite.pragma(`user_version = ${migration.version}`);
      })();
    }
  } finally {
    if (enforced) sqlite.pragma('foreign_keys = ON');
  }
  return latest;
}
