import { EventEmitter } from 'node:events';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import type { z } from 'zod';
import type { EventMap, EventName } from '../../shared/api/events';
import { callerFor } from '../auth/caller';
import { DEFAULT_SESSION_POLICY, SessionStore } from '../auth/sessions';
import { Vault } from '../auth/vault';
import { acquireLock } from '../db/lock';
import { removeStaleUploads } from '../files/uploads';
import { removeAbandonedImports } from '../welfare/import/staging';
import type { OpenedDatabase } from '../db/open';
import { changeLog, meta } from '../db/schema';
import { DEFAULT_LOCKOUT_POLICY, type LockoutPolicy } from '../security/lockout';
import type { KdfParams } from '../security/keyslots';
import { PERMISSIONS } from '../../shared/api/permissions';
import { applyDeferred } from '../sync/exchange';
import { RelayAgent } from '../sync/relay/agent';
import { anonymous, can, type Caller } from './caller';
import type { Context } from './context';
import { AppError } from './errors';
import { HybridLogicalClock } from './hlc';
import { newId } from './ids';
import type { Implementation } from './implement';
import { buildProcedureTable } from './procedures';
import { runWrite } from './write';

export interface CoreOptions {
  dbFile: string;
  migrationsDir: string;
  /** hold a lock file so that a second application instance is refused (shells: true; CLI: false) */
  exclusive?: boolean;
  now?: () => Date;
  idleLockSeconds?: number;
  lockout?: LockoutPolicy;
  /** lower scrypt cost for tests; production uses the key-slot defaults */
  kdf?: Partial<KdfParams>;
  /** the relay to exchange bundles with in the background (sync/relay/agent.ts) */
  relayUrl?: string;
}

export interface Core {
  /** `session`: the token a shell keeps for its user (never seen by page scripts) */
  call(name: string, input: unknown, session?: string): Promise<unknown>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** the open database (after a login), for tests and bulk tools */
  readonly database: OpenedDatabase;
  readonly nodeId: string;
  /**
   * Runs `fn` as this node itself, not as a user (the relay agent's exchanges): every permission,
   * the whole scope, audited as `sync`; null while the database is locked. Never reachable from
   * a request.
   */
  asNode<T>(procedure: string, fn: (ctx: Context) => T): T | null;
  /** the background exchange with the relay, when the core has one */
  readonly relay: RelayAgent | null;
  close(): void;
}

/** Procedures a locked session may still call. */
const ALLOWED_WHEN_LOCKED = new Set(['auth.unlock', 'auth.logout', 'auth.status']);

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
}

function ensureNodeId(opened: OpenedDatabase): string {
  const row = opened.db.select().from(meta).all().find((r) => r.key === 'node_id');
  if (row) return row.value;
  const nodeId = newId();
  opened.db.insert(meta).values({ key: 'node_id', value: nodeId }).run();
  return nodeId;
}

/**
 * The application's core on a database file: locked until someone logs in (or sets it up), then
 * the procedure table, the write path and events, every call as the caller its session names.
 */
export function openCore(options: CoreOptions): Core {
  const release = options.exclusive ? acquireLock(`${options.dbFile}.lock`) : () => {};
  const now = options.now ?? (() => new Date());
  const vault = new Vault(options.dbFile, options.migrationsDir);
  const sessions = new SessionStore({ ...DEFAULT_SESSION_POLICY, ...(options.idleLockSeconds ? { idleLockSeconds: options.idleLockSeconds } : {}) });
  const security = { lockout: options.lockout ?? DEFAULT_LOCKOUT_POLICY, kdf: options.kdf };
  const events = new EventEmitter();
  const procedures = buildProcedureTable();
  // plaintext copies of uploaded files a process that ended left behind
  removeStaleUploads(path.dirname(options.dbFile), { all: options.exclusive === true });
  let opened: { nodeId: string; clock: HybridLogicalClock } | null = null;

  /** Node id and clock, read once the database has been unlocked. */
  function node(): { nodeId: string; clock: HybridLogicalClock } {
    if (opened) return opened;
    const database = vault.database;
    // imports that a crash or a kill left half-written are removed before anything reads
    removeAbandonedImports(database.sqlite, now());
    // operations from a newer version waited for this upgrade's columns
    applyDeferred(database.sqlite, database.db, now());
    const nodeId = ensureNodeId(database);
    const last = database.db.select({ hlc: changeLog.hlc }).from(changeLog).orderBy(desc(changeLog.hlc)).limit(1).get();
    opened = { nodeId, clock: new HybridLogicalClock(nodeId, () => now().getTime(), last?.hlc) };
    return opened;
  }

  function contextFor(implementation: Implementation, initialCaller: Caller): Context {
    const context: Context = {
      get db() {
        return vault.database.db;
      },
      get sqlite() {
        return vault.database.sqlite;
      },
      get nodeId() {
        return node().nodeId;
      },
      get schemaVersion() {
        return vault.database.schemaVersion;
      },
      caller: initialCaller,
      dataDir: path.dirname(options.dbFile),
      vault,
      sessions,
      security,
      now,
      get relay() {
        return relay;
      },
      write(fn, summary) {
        if (!implementation.spec.mutates) throw new Error(`${implementation.spec.name} does not declare mutates`);
        const { clock, nodeId } = node();
        const { result, touchedTables } = runWrite(
          vault.database.sqlite,
          vault.database.db,
          clock,
          { caller: context.caller, procedure: implementation.spec.name, nodeId, now },
          (w) => {
            const result = fn(w);
            return { result, summary: summary?.(result) ?? {} };
          },
        );
        if (touchedTables.length > 0) context.emit('data.changed', { tables: touchedTables });
        return result;
      },
      audit(rows, summary = {}) {
        const { clock, nodeId } = node();
        runWrite(vault.database.sqlite, vault.database.db, clock, { caller: context.caller, procedure: implementation.spec.name, nodeId, now }, (w) => {
          for (const row of rows) w.noteRead(row.table, row.id);
          return { result: undefined, summary };
        });
      },
      emit(event, payload) {
        events.emit(event, payload);
      },
    };
    return context;
  }

  /** The caller a request acts as: from its session, checked for idle lock and access. */
  function resolveCaller(implementation: Implementation, token: string | undefined): Caller {
    const { name, permission } = implementation.spec;
    const at = now().getTime();
    if (permission === 'public') {
      const session = sessions.peek(token, at);
      if (!session) return anonymous();
      // the UI asks for its status when the user is active: that keeps an unlocked session awake
      if (!session.locked) session.lastActivity = at;
      try {
        return callerFor(vault.database.db, session);
      } catch {
        return anonymous();
      }
    }
    const session = sessions.resolve(token, at);
    if (session.locked && !ALLOWED_WHEN_LOCKED.has(name)) throw new AppError('SESSION_LOCKED');
    let caller: Caller;
    try {
      caller = callerFor(vault.database.db, session);
    } catch (error) {
      sessions.close(session.token);
      throw error;
    }
    if (!can(caller, permission)) throw new AppError('FORBIDDEN', { procedure: name, permission });
    if (!session.locked) session.lastActivity = at;
    return caller;
  }

  function asNode<T>(procedure: string, fn: (ctx: Context) => T): T | null {
    if (vault.state() !== 'open') return null;
    const caller: Caller = { actor: 'sync', userId: null, permissions: new Set(PERMISSIONS), scope: { all: true }, session: null };
    const implementation = { spec: { name: procedure, mutates: true }, handler: () => undefined } as unknown as Implementation;
    return fn(contextFor(implementation, caller));
  }

  const relay = options.relayUrl
    ? new RelayAgent(options.relayUrl, (fn) => asNode('sync.relay', fn), now, (status) => events.emit('sync.changed', { relay: status }))
    : null;
  relay?.start();

  return {
    get database() {
      return vault.database;
    },
    asNode,
    relay,
    get nodeId() {
      return node().nodeId;
    },
    async call(name, input, token) {
      const implementation = procedures.get(name);
      if (!implementation) throw new AppError('UNKNOWN_PROCEDURE', { name });
      const caller = resolveCaller(implementation, token);
      const parsed = implementation.spec.input.safeParse(input ?? undefined);
      if (!parsed.success) throw new AppError('INVALID_INPUT', { procedure: name, issues: issuesOf(parsed.error) });
      return implementation.handler(contextFor(implementation, caller), parsed.data);
    },
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    close() {
      relay?.stop();
      vault.close();
      release();
    },
  };
}
