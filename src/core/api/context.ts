import type Database from 'better-sqlite3';
import type { EventMap, EventName } from '../../shared/api/events';
import type { RelayStatus } from '../../shared/api/sync';
import type { SessionStore } from '../auth/sessions';
import type { Vault } from '../auth/vault';
import type { Db } from '../db/open';
import type { LockoutPolicy } from '../security/lockout';
import type { KdfParams } from '../security/keyslots';
import type { Caller } from './caller';
import type { Writer } from './write';

/** What a handler receives besides its input. */
export interface Context {
  /** the open database; reading it before a login throws SESSION_REQUIRED */
  readonly db: Db;
  /** for bulk work with prepared statements; ordinary handlers use `db` */
  readonly sqlite: Database.Database;
  caller: Caller;
  readonly nodeId: string;
  readonly schemaVersion: number;
  readonly dataDir: string;
  readonly vault: Vault;
  readonly sessions: SessionStore;
  readonly security: { lockout: LockoutPolicy; kdf: Partial<KdfParams> | undefined };
  now: () => Date;
  /** the background exchange with the relay (sync/relay/agent.ts), when this core has one */
  readonly relay: { status(): RelayStatus; syncNow(): Promise<unknown> } | null;
  /**
   * Changes rows through the one write path: one transaction holding the rows, the audit entry
   * and the change-log operations. Only procedures that declare `mutates` may call it.
   */
  write<T>(fn: (w: Writer) => T, summary?: (result: T) => Record<string, unknown>): T;
  /** Appends an audit entry for a read: who looked at which rows. */
  audit(rows: { table: string; id: string }[], summary?: Record<string, unknown>): void;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
}
