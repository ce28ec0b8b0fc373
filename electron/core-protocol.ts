import type { WireError } from '../src/shared/api/errors';
import type { EventName } from '../src/shared/api/events';

/**
 * Messages between Electron's main process and the utility process that runs the core. Every
 * value is structured-cloneable; errors travel as WireErrors only, never as stacks.
 */
export type ToCore =
  | { type: 'init'; dbFile: string; migrationsDir: string }
  /** `session`: the token main keeps for the calling window (never seen by its page) */
  | { type: 'call'; id: number; name: string; input: unknown; session?: string }
  | { type: 'close' };

export type FromCore =
  /** the core is open; its database stays locked until someone logs in */
  | { type: 'ready' }
  | { type: 'init-failed'; error: WireError }
  | { type: 'result'; id: number; ok: true; result: unknown }
  | { type: 'result'; id: number; ok: false; error: WireError }
  | { type: 'event'; name: EventName; payload: unknown }
  | { type: 'closed' };

/** What main returns to the preload for a call: the preload turns `ok: false` into a rejection. */
export type CallOutcome = { ok: true; result: unknown } | { ok: false; error: WireError };

export function isToCore(value: unknown): value is ToCore {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'init':
      return typeof m.dbFile === 'string' && typeof m.migrationsDir === 'string';
    case 'call':
      return Number.isSafeInteger(m.id) && typeof m.name === 'string' && (m.session === undefined || typeof m.session === 'string');
    case 'close':
      return true;
    default:
      return false;
  }
}

/** A procedure name as the preload may send it; the core then checks it against its table. */
export function isProcedureName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}
