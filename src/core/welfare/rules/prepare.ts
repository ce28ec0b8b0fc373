/**
 * Temporary tables the rules join, made once per run on the run's connection (and in its
 * transaction) and dropped after it, and the SQL function of the fuzzy ID match.
 */
import type Database from 'better-sqlite3';
import { withPageCache } from '../../db/page-cache';
import { resolveCounty, type CountyUnit } from '../county';
import { nearIds } from './near-id';
import { complete } from './rule';

export type Preparation = 'counties' | 'deathBlocks';

/**
 * temp.wf_county (written, county_key): every county as written in the disbursements and the
 * standards, keyed by the code of the county unit it names, else by the text itself.
 */
function counties(sqlite: Database.Database, units: readonly CountyUnit[]): void {
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.wf_county;
    CREATE TEMP TABLE wf_county (written TEXT PRIMARY KEY, county_key TEXT NOT NULL) WITHOUT ROWID;
  `);
  const written = sqlite
    .prepare(
      `SELECT DISTINCT d.county FROM wf_disbursements d WHERE d.county <> '' AND ${complete('d')}
       UNION SELECT s.county FROM wf_standards s WHERE s.county <> '' AND ${complete('s')}`,
    )
    .pluck()
    .all() as string[];
  const insert = sqlite.prepare('INSERT INTO temp.wf_county (written, county_key) VALUES (?, ?)');
  for (const text of written) insert.run(text, resolveCounty(text, units)?.code ?? text.trim());
}

/**
 * temp.wf_death_block (block, death): each death record of a complete batch under two blocking
 * keys, its name with the first ten characters of its ID number and with the last seven. An ID
 * one slip away (see nearIds) shares one of the two: a slip within the first eleven characters
 * leaves the last seven alone, a slip within the last eight the first ten. Common names alone
 * would pair each payment with hundreds of deaths.
 */
function deathBlocks(sqlite: Database.Database): void {
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.wf_death_block;
    CREATE TEMP TABLE wf_death_block (block TEXT NOT NULL, death INTEGER NOT NULL, PRIMARY KEY (block, death)) WITHOUT ROWID;
    INSERT OR IGNORE INTO temp.wf_death_block
      SELECT x.name || '|' || substr(x.id_number, 1, 10), x.id FROM wf_deaths x WHERE ${complete('x')}
      UNION ALL
      SELECT x.name || '|' || substr(x.id_number, 12), x.id FROM wf_deaths x WHERE ${complete('x')};
  `);
  sqlite.function('zj_near_id', { deterministic: true }, (a: unknown, b: unknown) => (nearIds(String(a), String(b)) ? 1 : 0));
}

/**
 * The page cache for a run, in KiB: the rules scan the disbursements a dozen times over, and an
 * encrypted page that fell out of the cache (2 MB by default; a month's table runs to hundreds)
 * is read and decrypted again on every scan. Restored when the run ends.
 */
const RUN_CACHE_KIB = 512 * 1024;

function makeTables(sqlite: Database.Database, needs: ReadonlySet<Preparation>, units: readonly CountyUnit[]): void {
  if (needs.has('counties')) counties(sqlite, units);
  if (needs.has('deathBlocks')) deathBlocks(sqlite);
}

/** Runs `fn` with the run's page cache and temporary tables, on the caller's connection and transaction. */
export function withPreparations<T>(sqlite: Database.Database, needs: ReadonlySet<Preparation>, units: readonly CountyUnit[], fn: () => T): T {
  return withPageCache(sqlite, RUN_CACHE_KIB, () => {
    try {
      makeTables(sqlite, needs, units);
      return fn();
    } finally {
      sqlite.exec('DROP TABLE IF EXISTS temp.wf_county; DROP TABLE IF EXISTS temp.wf_death_block;');
    }
  });
}

/**
 * The same, for a connection the run opened for itself and closes when it ends, which takes the
 * tables and the cache with it: a run that goes rule by rule, giving way to other requests in
 * between, cannot hold them in one synchronous call.
 */
export function prepareRunConnection(sqlite: Database.Database, needs: ReadonlySet<Preparation>, units: readonly CountyUnit[]): void {
  sqlite.pragma(`cache_size = -${RUN_CACHE_KIB}`);
  makeTables(sqlite, needs, units);
}
