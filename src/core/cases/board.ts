// The deadline board: every open clock in the caller's scope judged against today, the counts
// on the home screen, and the approval inbox.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AlertCounts, Board, BoardRow, InboxItem } from '../../shared/api/cases';
import type { Caller } from '../api/caller';
import { can } from '../api/caller';
import { scopeCondition } from '../auth/scope';
import type { Db } from '../db/open';
import { caseClocks, cases, caseState, orgUnits } from '../db/schema';
import { unitAndDescendants } from '../registry/units';
import { lightOf, workingDayCounter } from './clocks';
import { callerRole } from './commands';
import { caseSummaries, lightContext } from './queries';
import { replay } from './replay';
import { loadEvents } from './events';

export interface BoardFilter {
  departmentId?: string | null | undefined;
  countyId?: string | null | undefined;
  stage?: BoardRow['stage'] | null | undefined;
  /** rows at most, the most urgent first; all when omitted */
  limit?: number;
}

const DETAIL_SLICE = 10_000;

const department = sql`(SELECT d.name FROM org_units d WHERE d.id = ${caseState.departmentId})`;

/** The open clocks in scope and filter, each with its light as of today. */
export function judgeOpenClocks(db: Db, caller: Caller, filter: BoardFilter, now: Date) {
  const conditions: (SQL | undefined)[] = [isNull(caseClocks.closedDate), scopeCondition(caller.scope, cases.unitId)];
  if (filter.departmentId) conditions.push(eq(caseState.departmentId, filter.departmentId));
  if (filter.stage) conditions.push(eq(caseState.stage, filter.stage));
  if (filter.countyId) conditions.push(inArray(cases.unitId, unitAndDescendants(db, filter.countyId)));
  let query = db
    .select({
      caseId: caseClocks.caseId,
      kind: caseClocks.kind,
      due: caseClocks.due,
      unknownYear: caseClocks.unknownYear,
      pausedSince: caseClocks.pausedSince,
    })
    .from(caseClocks)
    .$dynamic();
  // every clock has its case and state: they are joined only when a condition needs them
  // (with 100,000 clues, two lookups per open clock are a third of the time)
  if (!caller.scope.all || filter.countyId) query = query.innerJoin(cases, eq(cases.id, caseClocks.caseId));
  if (filter.departmentId || filter.stage) query = query.innerJoin(caseState, eq(caseState.caseId, caseClocks.caseId));
  const clocks = query.where(and(...conditions.filter((c): c is SQL => c !== undefined))).all();
  const context = lightContext(db, now);
  return { context, judged: clocks.map((clock) => ({ ...clock, light: lightOf(clock, null, context.today, context.edge) })) };
}

export function deadlineBoard(db: Db, caller: Caller, filter: BoardFilter, now: Date): Board {
  const { context, judged } = judgeOpenClocks(db, caller, filter, now);
  // ISO dates order as strings; localeCompare would cost half a second on 40,000 rows
  const alerts = judged
    .filter((c) => c.light === 'red' || c.light === 'yellow')
    .sort((a, b) => (a.light !== b.light ? (a.light === 'red' ? -1 : 1) : a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
  const counts = { red: alerts.filter((c) => c.light === 'red').length, yellow: alerts.filter((c) => c.light === 'yellow').length };
  // only the rows shown are looked up
  alerts.length = Math.min(alerts.length, filter.limit ?? alerts.length);
  const ids = [...new Set(alerts.map((c) => c.caseId))];
  const details = new Map<string, { number: string; title: string; stage: BoardRow['stage']; unitName: string; departmentName: string | null }>();
  // in slices: SQLite takes at most 32,766 parameters, and 100,000 clues can have more alerts
  for (let i = 0; i < ids.length; i += DETAIL_SLICE) {
    const rows = db
      .select({
        id: cases.id,
        number: cases.number,
        title: cases.title,
        stage: caseState.stage,
        unitName: orgUnits.name,
        departmentName: department.mapWith(String),
      })
      .from(cases)
      .innerJoin(caseState, eq(caseState.caseId, cases.id))
      .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
      .where(inArray(cases.id, ids.slice(i, i + DETAIL_SLICE)))
      .all();
    for (const row of rows) details.set(row.id, row);
  }
  const workingDays = workingDayCounter(context.cal);
  const rows: BoardRow[] = alerts.map((clock) => {
    const row = details.get(clock.caseId)!;
    const red = clock.light === 'red';
    const due = clock.due!;
    // a paused overdue clock counts its lateness up to the pause
    const until = clock.pausedSince ?? context.today;
    return {
      caseId: clock.caseId,
      number: row.number,
      title: row.title,
      stage: row.stage,
      unitName: row.unitName,
      departmentName: row.departmentName,
      clock: clock.kind,
      due,
      light: red ? 'red' : 'yellow',
      workingDays: red ? workingDays(due, until) : workingDays(context.today, due),
    };
  });
  const unknown = judged.filter((c) => c.light === 'unknown');
  return {
    today: context.today,
    rows,
    counts,
    unknown: { count: unknown.length, years: [...new Set(unknown.map((c) => c.unknownYear!))].sort() },
  };
}

function awaitingMe(db: Db, caller: Caller): string[] {
  const role = callerRole(db, caller);
  if (!role || !can(caller, 'cases.approve')) return [];
  return db
    .select({ id: caseState.caseId })
    .from(caseState)
    .innerJoin(cases, eq(cases.id, caseState.caseId))
    .where(and(eq(caseState.awaitingApproval, true), eq(caseState.approverRole, role), scopeCondition(caller.scope, cases.unitId)))
    .orderBy(caseState.updatedAt)
    .all()
    .map((r) => r.id);
}

export function alertCounts(db: Db, caller: Caller, now: Date): AlertCounts {
  const { judged } = judgeOpenClocks(db, caller, {}, now);
  const count = (light: string) => judged.filter((c) => c.light === light).length;
  return { red: count('red'), yellow: count('yellow'), unknown: count('unknown'), awaitingMyApproval: awaitingMe(db, caller).length };
}

export function approvalInbox(db: Db, caller: Caller, now: Date): InboxItem[] {
  const ids = awaitingMe(db, caller);
  const names = new Map<string, string>();
  return caseSummaries(db, ids, now).map((summary) => {
    const pending = replay(loadEvents(db, summary.id)).pending!;
    if (!names.has(pending.actor)) {
      const row = db.get<{ name: string } | undefined>(sql`SELECT display_name AS name FROM users WHERE username = ${pending.actor}`);
      names.set(pending.actor, row?.name ?? pending.actor);
    }
    return {
      case: summary,
      proposal: {
        eventId: pending.eventId,
        action: pending.action,
        fields: pending.fields,
        date: pending.date,
        proposedBy: pending.actor,
        proposedByName: names.get(pending.actor)!,
        approver: pending.approver,
      },
    };
  });
}
