// The reads of the case workflow: the register, a case's page, possible duplicates. Every
// listing is filtered by the caller's unit scope here, in the core.
import { aliasedTable, and, asc, desc, eq, getTableName, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type {
  CaseClock,
  CaseDetail,
  CaseSubject,
  CaseSummary,
  DuplicateMatch,
  Light,
  SubjectInput,
} from '../../shared/api/cases';
import { caseListInput, type CaseSort } from '../../shared/api/cases';
import type { z } from 'zod';
import type { Caller } from '../api/caller';
import { can } from '../api/caller';
import { shanghaiDate } from '../api/time';
import { scopeCondition } from '../auth/scope';
import { effectiveCalendar } from '../calendar/effective';
import type { Db } from '../db/open';
import { caseClocks, caseEvents, caseReports, caseSanctions, cases, caseState, caseSubjects, orgUnits, users } from '../db/schema';
import { parseIdNumber } from '../registry/id-number';
import { normalizeName } from '../registry/names';
import { recordedElsewhere } from '../sync/origins';
import { lightOf, worstLight, yellowEdge } from './clocks';
import { callerRole, canUndo, requireCase } from './commands';
import { listDocuments } from './documents';
import { loadEvents } from './events';
import { sharedNumberInScope } from './numbering';
import { nextActions } from './plan';
import { replay } from './replay';
import { loadSettings } from './settings';

const department = aliasedTable(orgUnits, 'department');

const summaryColumns = {
  id: cases.id,
  number: cases.number,
  title: cases.title,
  source: cases.source,
  receivedDate: cases.receivedDate,
  unitId: cases.unitId,
  unitName: orgUnits.name,
  departmentId: caseState.departmentId,
  departmentName: department.name,
  stage: caseState.stage,
  outcome: caseState.outcome,
  subjectNames: sql<string>`(SELECT group_concat(s.name, '、') FROM case_subjects s WHERE s.case_id = ${cases.id})`,
  nextDue: caseState.nextDue,
  awaitingApproval: caseState.awaitingApproval,
  version: caseState.version,
  updatedAt: caseState.updatedAt,
};

/** The yellow edge and today, as every light of one request is judged. */
export function lightContext(db: Db, now: Date) {
  const cal = effectiveCalendar(db);
  const today = shanghaiDate(now);
  return { cal, today, edge: yellowEdge(cal, today, loadSettings(db).yellowWorkingDays) };
}

type Row = Omit<CaseSummary, 'light'>;

/** Adds each case's most urgent open light. */
function withLights(db: Db, rows: Row[], now: Date): CaseSummary[] {
  if (rows.length === 0) return [];
  const { today, edge } = lightContext(db, now);
  const open = db
    .select({ caseId: caseClocks.caseId, due: caseClocks.due, pausedSince: caseClocks.pausedSince })
    .from(caseClocks)
    .where(and(inArray(caseClocks.caseId, rows.map((r) => r.id)), isNull(caseClocks.closedDate)))
    .all();
  const lights = new Map<string, Light[]>();
  for (const clock of open) {
    const list = lights.get(clock.caseId) ?? [];
    list.push(lightOf(clock, null, today, edge));
    lights.set(clock.caseId, list);
  }
  return rows.map((row) => ({ ...row, light: worstLight(lights.get(row.id) ?? []) }));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The search box: a register number, an ID number or its start, pinyin, or part of a name or title. */
function queryCondition(query: string): SQL | undefined {
  if (query === '') return undefined;
  // tested clue by clue in the order of the register, so a common match fills the first page
  // at once (a list of the matching clues first costs 200 ms with 20,000 of them)
  const subject = (condition: SQL) => sql`EXISTS (SELECT 1 FROM case_subjects s WHERE s.case_id = ${cases.id} AND ${condition})`;
  if (/^\d{6}-[\d-]*$/.test(query)) return sql`${cases.number} LIKE ${`${query}%`}`;
  if (/^[0-9xX]+$/.test(query)) return subject(sql`s.id_number LIKE ${`${query.toUpperCase()}%`}`);
  if (/^[a-zA-Z]+$/.test(query)) {
    const prefix = `${query.toLowerCase()}%`;
    return subject(sql`(s.name_initials LIKE ${prefix} OR s.name_pinyin LIKE ${prefix})`);
  }
  const part = `%${escapeLike(query)}%`;
  return or(subject(sql`s.name LIKE ${part} ESCAPE '\\'`), sql`${cases.title} LIKE ${part} ESCAPE '\\'`);
}

const SORTS = {
  receivedDate: cases.receivedDate,
  number: cases.number,
  nextDue: caseState.nextDue,
  updatedAt: caseState.updatedAt,
  stage: caseState.stage,
} as const;

/** Sorts by a column of the clue itself, or of its derived state. */
const STATE_SORTS: ReadonlySet<CaseSort> = new Set(['nextDue', 'updatedAt', 'stage']);

export function listCases(db: Db, caller: Caller, input: z.output<typeof caseListInput>, now: Date): { rows: CaseSummary[]; total: number } {
  const conditions: (SQL | undefined)[] = [scopeCondition(caller.scope, cases.unitId), queryCondition(input.query)];
  if (input.source) conditions.push(eq(cases.source, input.source));
  if (input.unitId) conditions.push(eq(cases.unitId, input.unitId));
  if (input.personId) conditions.push(sql`EXISTS (SELECT 1 FROM case_subjects s WHERE s.case_id = ${cases.id} AND s.person_id = ${input.personId})`);
  const stateConditions: SQL[] = [];
  if (input.stage) stateConditions.push(eq(caseState.stage, input.stage));
  if (input.departmentId) stateConditions.push(eq(caseState.departmentId, input.departmentId));
  if (input.light) {
    const { today, edge } = lightContext(db, now);
    stateConditions.push(input.light === 'red' ? sql`${caseState.nextDue} < ${today}` : sql`${caseState.nextDue} BETWEEN ${today} AND ${edge}`);
  }
  const where = and(...conditions.filter((c): c is SQL => c !== undefined), ...stateConditions);
  // the state is joined only when a filter or the order needs it: the plain register then
  // pages through an index of the clues alone
  const withState = stateConditions.length > 0 || STATE_SORTS.has(input.sort);
  const from = () => {
    const query = db.select({ id: cases.id }).from(cases).$dynamic();
    return withState ? query.innerJoin(caseState, eq(caseState.caseId, cases.id)) : query;
  };
  const sortColumn = SORTS[input.sort];
  const direction = input.descending ? desc : asc;
  // ties broken by the id, from the table sorted on, so that one index gives the whole order
  const order = [direction(sortColumn), direction(STATE_SORTS.has(input.sort) ? caseState.caseId : cases.id)];
  // cases with no running clock have no next due date: last, whichever the direction
  if (input.sort === 'nextDue') order.unshift(sql`${sortColumn} IS NULL`);
  // ids first, then the page's rows: a deep offset steps over index entries, not joined rows
  const ids = from()
    .where(where)
    .orderBy(...order)
    .limit(input.limit)
    .offset(input.offset)
    .all()
    .map((r) => r.id);
  const total = db.select({ n: sql<number>`count(*)` }).from(from().where(where).as('matching')).get()!.n;
  return { rows: caseSummaries(db, ids, now), total };
}

export function caseSummaries(db: Db, ids: string[], now: Date): CaseSummary[] {
  if (ids.length === 0) return [];
  const rows = db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(caseState, eq(caseState.caseId, cases.id))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .leftJoin(department, eq(department.id, caseState.departmentId))
    .where(inArray(cases.id, ids))
    .all();
  const byId = new Map(withLights(db, rows, now).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is CaseSummary => r !== undefined);
}

/**
 * Registered clues about the same people: the same ID number, or the same name in the same
 * unit. Only clues in the caller's scope are named.
 */
export function findDuplicates(db: Db, caller: Caller, subjects: SubjectInput[], excludeId: string | null, now: Date): DuplicateMatch[] {
  const matches = new Map<string, { reason: DuplicateMatch['reason']; subjectName: string }>();
  for (const subject of subjects) {
    const idNumber = subject.idNumber ? parseIdNumber(subject.idNumber) : null;
    const conditions: SQL[] = [];
    if (idNumber?.valid) conditions.push(eq(caseSubjects.idNumber, idNumber.idNumber));
    const name = normalizeName(subject.name);
    if (name && subject.unitId) conditions.push(and(eq(caseSubjects.name, name), eq(caseSubjects.unitId, subject.unitId))!);
    if (conditions.length === 0) continue;
    const found = db
      .select({ caseId: caseSubjects.caseId, idNumber: caseSubjects.idNumber, name: caseSubjects.name })
      .from(caseSubjects)
      .innerJoin(cases, eq(cases.id, caseSubjects.caseId))
      .where(and(or(...conditions), scopeCondition(caller.scope, cases.unitId)))
      .limit(50)
      .all();
    for (const row of found) {
      if (row.caseId === excludeId || matches.has(row.caseId)) continue;
      const byId = idNumber?.valid === true && row.idNumber === idNumber.idNumber;
      matches.set(row.caseId, { reason: byId ? 'id_number' : 'name_unit', subjectName: row.name });
    }
  }
  const summaries = caseSummaries(db, [...matches.keys()], now);
  return summaries
    .filter((s) => s.outcome !== 'merged')
    .map((s) => ({ case: s, ...matches.get(s.id)! }));
}

function subjectsOf(db: Db, caseId: string): CaseSubject[] {
  return db
    .select({
      id: caseSubjects.id,
      personId: caseSubjects.personId,
      name: caseSubjects.name,
      idNumber: caseSubjects.idNumber,
      unitId: caseSubjects.unitId,
      unitName: orgUnits.name,
      position: caseSubjects.position,
    })
    .from(caseSubjects)
    .leftJoin(orgUnits, eq(orgUnits.id, caseSubjects.unitId))
    .where(eq(caseSubjects.caseId, caseId))
    .orderBy(asc(caseSubjects.createdAt), asc(caseSubjects.id))
    .all();
}

function clocksOf(db: Db, caseId: string, now: Date): CaseClock[] {
  const { today, edge } = lightContext(db, now);
  return db
    .select()
    .from(caseClocks)
    .where(eq(caseClocks.caseId, caseId))
    .orderBy(asc(caseClocks.startDate), asc(caseClocks.id))
    .all()
    .map((c) => ({
      kind: c.kind,
      startDate: c.startDate,
      due: c.due,
      unknownYear: c.unknownYear,
      closedDate: c.closedDate,
      pausedSince: c.pausedSince,
      pauseReason: c.pauseReason,
      extensions: c.extensions,
      light: lightOf(c, c.closedDate, today, edge),
      history: JSON.parse(c.history) as CaseClock['history'],
    }));
}

function displayNames(db: Db): Map<string, string> {
  return new Map(db.select({ username: users.username, name: users.displayName }).from(users).all().map((u) => [u.username, u.name]));
}

export function getCaseDetail(db: Db, caller: Caller, caseId: string, now: Date): CaseDetail {
  requireCase(db, caller, caseId);
  const [summary] = caseSummaries(db, [caseId], now);
  const record = db.select().from(cases).where(eq(cases.id, caseId)).get()!;
  const events = loadEvents(db, caseId);
  const state = replay(events);
  const settings = loadSettings(db);
  const names = displayNames(db);
  const subjects = subjectsOf(db, caseId);
  const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
  const role = callerRole(db, caller);
  // an undo that was itself taken back (settling a conflict) no longer strikes its target out
  const undoneBy = new Map(events.filter((e) => e.kind === 'undone' && e.refersTo && state.undone.has(e.refersTo) && !state.undone.has(e.id)).map((e) => [e.refersTo!, e.id]));
  const mayAct = can(caller, 'cases.handle');
  const documents = listDocuments(db, caseId);
  const offices = recordedElsewhere(db, getTableName(caseEvents), events.map((e) => e.id));
  return {
    ...summary!,
    summary: record.summary,
    complainant: { named: record.complainantNamed, name: record.complainantName, contact: record.complainantContact },
    subjects,
    events: events.map((e) => ({
      id: e.id,
      seq: e.seq,
      kind: e.kind,
      action: e.action,
      fromStage: e.fromStage,
      toStage: e.toStage,
      date: e.date,
      at: e.at,
      actor: e.actor,
      actorName: names.get(e.actor) ?? e.actor,
      office: offices.get(e.id) ?? null,
      fields: e.fields,
      approvals: e.approvals,
      undoes: e.kind === 'undone' ? e.refersTo : null,
      undoneBy: undoneBy.get(e.id) ?? null,
      attachments: documents.filter((doc) => doc.eventId === e.id).map((doc) => ({ id: doc.id, fileName: doc.fileName })),
    })),
    clocks: clocksOf(db, caseId, now),
    nextActions: mayAct && !state.conflict ? nextActions(state, settings, (permission) => can(caller, permission)) : [],
    pendingProposal: state.pending && {
      eventId: state.pending.eventId,
      action: state.pending.action,
      fields: state.pending.fields,
      date: state.pending.date,
      proposedBy: state.pending.actor,
      proposedByName: names.get(state.pending.actor) ?? state.pending.actor,
      approver: state.pending.approver,
    },
    canDecide: state.pending !== null && !state.conflict && can(caller, 'cases.approve') && role === state.pending.approver,
    canUndo: mayAct && canUndo(events, state, caller),
    reports: db.select().from(caseReports).where(eq(caseReports.caseId, caseId)).orderBy(asc(caseReports.createdDate), sql`rowid`).all(),
    sanctions: db
      .select()
      .from(caseSanctions)
      .where(eq(caseSanctions.caseId, caseId))
      .orderBy(asc(caseSanctions.id))
      .all()
      .map((s) => ({
        id: s.id,
        subjectId: s.subjectId,
        subjectName: subjectName.get(s.subjectId) ?? '',
        kind: s.kind as CaseDetail['sanctions'][number]['kind'],
        decidedDate: s.decidedDate,
        effectiveUntil: s.effectiveUntil,
        superseded: s.superseded,
      })),
    documents,
    duplicates: state.mergedInto ? [] : findDuplicates(db, caller, subjects, caseId, now),
    mergedInto: state.mergedInto,
    sharedNumber: sharedNumberInScope(db, caller.scope, caseId),
    conflict: state.conflict,
  };
}
