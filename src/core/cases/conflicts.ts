// Two offices may move one case while apart. Each event records the events it followed (`after`:
// the case's latest events on the node that wrote it), so a case's events form a graph; two
// events neither of which follows the other were made concurrently. When two concurrent moves
// are both in effect the case is in conflict: both histories are kept, replay still gives every
// node the same state, and people choose which move stands. Pure.
import type { StoredEvent } from './replay';

/**
 * The events that move a case: change its stage, outcome, department, reports or sanctions, or
 * propose or decide a step. Noting something beside the case (telling the complainant, pausing
 * or extending a clock, acknowledging a report) combines with anything done meanwhile.
 */
function moves(event: StoredEvent, byId: ReadonlyMap<string, StoredEvent>): boolean {
  const { effects } = event;
  switch (event.kind) {
    case 'proposed':
    case 'rejected':
      return true;
    case 'acted':
      return event.refersTo !== null || [effects.stage, effects.outcome, effects.departmentId, effects.reports, effects.sanctions].some((e) => e !== undefined);
    case 'merged':
      return effects.stage !== undefined;
    case 'undone': {
      // taking a move back is a move; the undos that settle a conflict are not
      if (effects.resolves) return false;
      const target = event.refersTo ? byId.get(event.refersTo) : undefined;
      return target !== undefined && moves(target, byId);
    }
    default:
      return false;
  }
}

/**
 * The events each one directly follows. Events written before offices synced carry no `after`:
 * they follow the events of the greatest lower seq, which on one node was a single event.
 */
export function parentsOf(events: readonly StoredEvent[]): Map<string, readonly string[]> {
  const parents = new Map<string, readonly string[]>();
  for (const event of events) {
    if (event.after) {
      parents.set(event.id, event.after);
      continue;
    }
    const below = events.filter((e) => e.seq < event.seq);
    const top = Math.max(...below.map((e) => e.seq));
    parents.set(
      event.id,
      below.filter((e) => e.seq === top).map((e) => e.id),
    );
  }
  return parents;
}

/** The case's latest events: those no other event follows. A new event follows all of them. */
export function heads(events: readonly StoredEvent[]): string[] {
  const followed = new Set([...parentsOf(events).values()].flat());
  return events.filter((e) => !followed.has(e.id)).map((e) => e.id);
}

/** For each event, every event it follows directly or not; events in replay order. */
function ancestry(events: readonly StoredEvent[]): Map<string, Set<string>> {
  const parents = parentsOf(events);
  const ancestors = new Map<string, Set<string>>();
  for (const event of events) {
    const own = new Set<string>();
    for (const parent of parents.get(event.id) ?? []) {
      own.add(parent);
      for (const a of ancestors.get(parent) ?? []) own.add(a);
    }
    ancestors.set(event.id, own);
  }
  return ancestors;
}

/**
 * The events taken back: an undo takes back its target unless it is itself taken back. An undo
 * follows its target, so walking from the latest event settles every undo before its target.
 */
export function undoneSet(events: readonly StoredEvent[]): Set<string> {
  const undone = new Set<string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.kind === 'undone' && event.refersTo && !undone.has(event.id)) undone.add(event.refersTo);
  }
  return undone;
}

export interface CaseConflict {
  /** the moves in effect made concurrently with another move in effect, in replay order */
  eventIds: string[];
}

/** Whether each event follows the one before it: the history of a case moved at one office at a time. */
function isChain(events: readonly StoredEvent[]): boolean {
  return events.every((event, i) => {
    if (i === 0) return true;
    const previous = events[i - 1]!;
    return event.after ? event.after.length === 1 && event.after[0] === previous.id : previous.seq < event.seq;
  });
}

/** The concurrent moves in effect, or null when the moves in effect follow one another. */
export function findConflict(events: readonly StoredEvent[], undone: ReadonlySet<string>): CaseConflict | null {
  if (isChain(events)) return null;
  const byId = new Map(events.map((e) => [e.id, e]));
  const live = events.filter((e) => !undone.has(e.id) && moves(e, byId));
  if (live.length < 2) return null;
  const ancestors = ancestry(events);
  const concurrent = (a: StoredEvent, b: StoredEvent) => !ancestors.get(a.id)!.has(b.id) && !ancestors.get(b.id)!.has(a.id);
  const eventIds = live.filter((a) => live.some((b) => b !== a && concurrent(a, b))).map((e) => e.id);
  return eventIds.length > 0 ? { eventIds } : null;
}

/**
 * What keeping one of the conflicting moves takes back: every move in effect made concurrently
 * with it, latest first (so that each undo takes back a move still in effect).
 */
export function movesToTakeBack(events: readonly StoredEvent[], undone: ReadonlySet<string>, keepId: string): StoredEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const ancestors = ancestry(events);
  const keep = byId.get(keepId);
  if (!keep) return [];
  return events
    .filter((e) => e.id !== keepId && !undone.has(e.id) && moves(e, byId))
    .filter((e) => !ancestors.get(e.id)!.has(keepId) && !ancestors.get(keepId)!.has(e.id))
    .reverse();
}
