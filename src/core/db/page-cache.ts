import type Database from 'better-sqlite3';

/**
 * Runs `fn` with a page cache of `kib` KiB on the connection, restoring the one it had after.
 * For work that goes over far more pages than the usual cache holds (a rule run's scans, the
 * indexes an import's rows go into): an encrypted page that falls out is read and decrypted again.
 */
export function withPageCache<T>(sqlite: Database.Database, kib: number, fn: () => T): T {
  const cache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${kib}`);
  try {
    return fn();
  } finally {
    sqlite.pragma(`cache_size = ${cache}`);
  }
}
