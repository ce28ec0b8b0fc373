import { EventEmitter } from 'node:events';
import { desc } from 'drizzle-orm';
import { newId } from './ids';
import type { z } from 'zod';
import type { EventMap, EventName } from '../../shared/api/events';
import { acquireLock } from '../db/lock';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { changeLog, meta } from '../db/schema';
import { can, LOCAL_OPERATOR, type Caller } from './caller';
import type { Context } from './context';
import { AppError } from './errors';
import { HybridLogicalClock } from './hlc';
import type { Implementation } from './implement';
import { buildProcedureTable } from './procedures';
import { runWrite } from './write';

export interface CoreOptions {
  dbFile: string;
  migrationsDir: string;
  /** create the database when it does not exist (default true) */
  create?: boolean;
  /** hold a lock file so that a second application instance is refused (shells: true; CLI: false) */
  exclusive?: boolean;
  now?: () => Date;
}

export interface Core {
  call(name: string, input: unknown, caller?: Caller): Promise<unknown>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  readonly nodeId: string;
  readonly schemaVersion: number;
  readonly database: OpenedDatabase;
  close(): void;
}

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

/** Opens the application's core on a database file: the procedure table, the write path, events. */
export function openCore(options: CoreOptions): Core {
  const release = options.exclusive ? acquireLock(`${options.dbFile}.lock`) : () => {};
  let opened: OpenedDatabase;
  try {
    opened = openDatabase({ file: options.dbFile, migrationsDir: options.migrationsDir, create: options.create ?? true });
  } catch (error) {
    release();
    throw error;
  }
  const now = options.now ?? (() => new Date());
  const nodeId = ensureNodeId(opened);
  const lastStamp = opened.db.select({ hlc: changeLog.hlc }).from(changeLog).orderBy(desc(changeLog.hlc)).limit(1).get();
  const clock = new HybridLogicalClock(nodeId, () => now().getTime(), lastStamp?.hlc);
  const events = new EventEmitter();
  const procedures = buildProcedureTable();

  function contextFor(implementation: Implementation, caller: Caller): Context {
    const context: Context = {
      db: opened.db,
      sqlite: opened.sqlite,
      caller,
      nodeId,
      schemaVersion: opened.schemaVersion,
      migrationsDir: options.migrationsDir,
      now,
      write(fn, summary) {
        if (!implementation.spec.mutates) throw new Error(`${implementation.spec.name} does not declare mutates`);
        const { result, touchedTables } = runWrite(
          opened.sqlite,
          opened.db,
          clock,
          { caller, procedure: implementation.spec.name, nodeId, now },
          (w) => {
            const result = fn(w);
            return { result, summary: summary?.(result) ?? {} };
          },
        );
        if (touchedTables.length > 0) context.emit('data.changed', { tables: touchedTables });
        return result;
      },
      emit(event, payload) {
        events.emit(event, payload);
      },
    };
    return context;
  }

  return {
    nodeId,
    schemaVersion: opened.schemaVersion,
    database: opened,
    async call(name, input, caller = LOCAL_OPERATOR) {
      const implementation = procedures.get(name);
      if (!implementation) throw new AppError('UNKNOWN_PROCEDURE', { name });
      if (!can(caller, implementation.spec.permission)) {
        throw new AppError('FORBIDDEN', { procedure: name, permission: implementation.spec.permission });
      }
      const parsed = implementation.spec.input.safeParse(input ?? undefined);
      if (!parsed.success) throw new AppError('INVALID_INPUT', { procedure: name, issues: issuesOf(parsed.error) });
      return implementation.handler(contextFor(implementation, caller), parsed.data);
    },
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    close() {
      opened.sqlite.close();
      release();
    },
  };
}
