// The derived tables (case_state, case_clocks, case_reports, case_sanctions) are a cache of
// what the events say, rebuilt for a case in the transaction that appends its event. They are
// written directly, not through the Writer: every node derives them from the events it holds,
// so only the events travel in the change log.
import { eq, gte, isNull, or } from 'drizzle-orm';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import type { Db } from '../db/open';
import { caseClocks, caseReports, caseSanctions, caseState, caseSubjects } from '../db/schema';
import { effectiveCalendar } from '../calendar/effective';
import type { HolidayCalendar } from '../calendar/holidays';
import { clockView } from './clocks';
import { loadEvents } from './events';
import { replay, type CaseState } from './replay';

function clearDerived(db: Db, caseId: string): void {
  db.delete(caseClocks).where(eq(caseClocks.caseId, caseId)).run();
  db.delete(caseReports).where(eq(caseReports.caseId, caseId)).run();
  db.delete(caseSanctions).where(eq(caseSanctions.caseId, caseId)).run();
}

/** Rewrites the derived rows of one case from its state. */
export function writeDerived(db: Db, caseId: string, state: CaseState, cal: HolidayCalendar, now: Date): void {
  clearDerived(db, caseId);
  let nextDue: string | null = null;
  for (const clock of state.clocks) {
    const view = clockView(cal, clock);
    if (clock.closedDate === null && view.pausedSince === null && view.due !== null && (nextDue === null || view.due < nextDue)) {
      nextDue = view.due;
    }
    db.insert(caseClocks)
      .values({
        id: clock.id,
        caseId,
        kind: clock.kind,
        startDate: clock.startDate,
        due: view.due,
        unknownYear: view.unknownYear,
        closedDate: clock.closedDate,
        pausedSince: view.pausedSince,
        pauseReason: view.pauseReason,
        extensions: view.extensions,
        history: JSON.stringify(view.history),
      })
      .run();
  }
  for (const report of state.reports) db.insert(caseReports).values({ ...report, caseId }).run();
  const personOf = new Map(
    db
      .select({ id: caseSubjects.id, personId: caseSubjects.personId })
      .from(caseSubjects)
      .where(eq(caseSubjects.caseId, caseId))
      .all()
      .map((s) => [s.id, s.personId]),
  );
  for (const s of state.sanctions) {
    db.insert(caseSanctions)
      .values({
        id: s.id,
        caseId,
        subjectId: s.subjectId,
        personId: personOf.get(s.subjectId) ?? null,
        kind: s.kind,
        decidedDate: s.decidedDate,
        effectiveUntil: s.until,
        superseded: s.superseded,
      })
      .run();
  }
  const row = {
    stage: state.stage,
    outcome: state.outcome,
    departmentId: state.departmentId,
    nextDue,
    awaitingApproval: state.pending !== null,
    approverRole: state.pending?.approver ?? null,
    mergedInto: state.mergedInto?.id ?? null,
    version: state.version,
    updatedAt: shanghaiTimestamp(now),
  };
  db.insert(caseState)
    .values({ caseId, ...row })
    .onConflictDoUpdate({ target: caseState.caseId, set: row })
    .run();
}

/** Replays a case's events and rewrites its derived rows; returns the state. */
export function projectCase(db: Db, caseId: string, now: Date, cal: HolidayCalendar = effectiveCalendar(db)): CaseState {
  const state = replay(loadEvents(db, caseId));
  writeDerived(db, caseId, state, cal, now);
  return state;
}

/**
 * After a change to the calendar of `year`, recomputes the cases whose deadlines could have
 * touched it: those with a clock due in or after that year, or not computable yet.
 */
export function reprojectCasesForYear(w: Writer, year: number, now: Date): number {
  const cal = effectiveCalendar(w.db);
  const ids = w.db
    .selectDistinct({ caseId: caseClocks.caseId })
    .from(caseClocks)
    .where(or(isNull(caseClocks.due), gte(caseClocks.due, `${year}-01-01`)))
    .all()
    .map((r) => r.caseId);
  for (const caseId of ids) projectCase(w.db, caseId, now, cal);
  return ids.length;
}
