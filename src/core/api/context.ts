import type Database from 'better-sqlite3';
import type { EventMap, EventName } from '../../shared/api/events';
import type { Db } from '../db/open';
import type { Caller } from './caller';
import type { Writer } from './write';

/** What a handler receives besides its input. */
export interface Context {
  db: Db;
  /** for bulk work with prepared statements; ordinary handlers use `db` */
  sqlite: Database.Database;
  caller: Caller;
  nodeId: string;
  schemaVersion: number;
  migrationsDir: string;
  now: () => Date;
  /**
   * Changes rows through the one write path: one transaction holding the rows, the audit entry
   * and the change-log operations. Only procedures that declare `mutates` may call it.
   */
  write<T>(fn: (w: Writer) => T, summary?: (result: T) => Record<string, unknown>): T;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
}
