import { asc, eq } from 'drizzle-orm';
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import type { Db } from '../db/open';
import { caseEvents } from '../db/schema';
import { heads } from './conflicts';
import type { StoredEvent } from './replay';

/** A case's events in replay order: by seq, concurrent events (same seq) alike on every node. */
export function loadEvents(db: Db, caseId: string): StoredEvent[] {
  return db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.seq), asc(caseEvents.at), asc(caseEvents.id))
    .all()
    .map((row) => ({
      id: row.id,
      seq: row.seq,
      kind: row.kind as StoredEvent['kind'],
      action: row.action as StoredEvent['action'],
      fromStage: row.fromStage,
      toStage: row.toStage,
      date: row.date,
      at: row.at,
      userId: row.userId,
      actor: row.actor,
      fields: JSON.parse(row.fields) as StoredEvent['fields'],
      approvals: JSON.parse(row.approvals) as StoredEvent['approvals'],
      effects: JSON.parse(row.effects) as StoredEvent['effects'],
      refersTo: row.refersTo,
      after: row.after === null ? null : (JSON.parse(row.after) as string[]),
    }));
}

export type NewEvent = Omit<StoredEvent, 'id' | 'seq' | 'at' | 'after'>;

/** Appends an event following all the case's latest ones; returns it as stored. */
export function appendEvent(w: Writer, caseId: string, event: NewEvent, now: Date): StoredEvent {
  const events = loadEvents(w.db, caseId);
  const seq = Math.max(0, ...events.map((e) => e.seq)) + 1;
  const stored: StoredEvent = { ...event, id: newId(), seq, at: shanghaiTimestamp(now), after: heads(events) };
  w.insert(caseEvents, {
    id: stored.id,
    caseId,
    seq: stored.seq,
    kind: stored.kind,
    action: stored.action,
    fromStage: stored.fromStage,
    toStage: stored.toStage,
    date: stored.date,
    at: stored.at,
    userId: stored.userId,
    actor: stored.actor,
    fields: JSON.stringify(stored.fields),
    approvals: JSON.stringify(stored.approvals),
    effects: JSON.stringify(stored.effects),
    refersTo: stored.refersTo,
    after: JSON.stringify(stored.after),
  });
  return stored;
}
