// The writes of the case workflow: register a clue, act on it, decide a proposal, undo, merge,
// acknowledge a report. Each appends events and re-derives the case in one transaction.
import { and, eq } from 'drizzle-orm';
import type { Action, ActionFields, IntakeInput } from '../../shared/api/cases';
import { cases as casesApi } from '../../shared/api/cases';
import type { ParsedInputOf } from '../../shared/api/procedure';
import type { RoleCode } from '../../shared/api/permissions';
import type { Caller, Scope } from '../api/caller';
import { AppError } from '../api/errors';
import { newId } from '../api/ids';
import { shanghaiDate, shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import { requireInScope } from '../auth/scope';
import type { Db } from '../db/open';
import { cases, caseSubjects, roles, users } from '../db/schema';
import { parseIdNumber } from '../registry/id-number';
import { normalizeName } from '../registry/names';
import { pinyinKeys } from '../registry/pinyin';
import { getPerson } from '../registry/people';
import { requireUnit } from '../registry/units';
import { movesToTakeBack } from './conflicts';
import { fileDocuments } from './documents';
import { appendEvent, loadEvents, type NewEvent } from './events';
import { nextNumber } from './numbering';
import { plan } from './plan';
import { projectCase } from './project';
import { replay, undoable, type CaseState, type StoredEvent } from './replay';
import { loadSettings } from './settings';

type IntakeParsed = ParsedInputOf<typeof casesApi.intake>;

/** The case's unit, after checking it exists and is in the caller's scope. */
export function requireCase(db: Db, caller: Caller, caseId: string): { id: string; unitId: string; number: string } {
  const row = db.select({ id: cases.id, unitId: cases.unitId, number: cases.number }).from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppError('CASE_NOT_FOUND', { id: caseId });
  requireInScope(caller.scope, row.unitId);
  return row;
}

export function callerRole(db: Db, caller: Caller): RoleCode | null {
  if (!caller.userId) return null;
  const row = db.select({ code: roles.code }).from(users).innerJoin(roles, eq(roles.id, users.roleId)).where(eq(users.id, caller.userId)).get();
  return (row?.code as RoleCode | undefined) ?? null;
}

function subjectRow(db: Db, scope: Scope, caseId: string, subject: IntakeParsed['subjects'][number], at: string) {
  let { name, idNumber, unitId, position } = subject;
  const { personId } = subject;
  if (personId) {
    // a person of the registry is named only from the caller's scope (NOT_FOUND otherwise)
    const person = getPerson(db, personId, scope);
    name = person.name;
    idNumber = person.idNumber;
    unitId = unitId ?? person.unitId;
    position = position ?? person.position;
  }
  if (idNumber) {
    const parsed = parseIdNumber(idNumber);
    if (!parsed.valid) throw new AppError('ID_NUMBER_INVALID', { idNumber: parsed.idNumber, problem: parsed.problem });
    idNumber = parsed.idNumber;
  }
  if (unitId) requireUnit(db, unitId);
  name = normalizeName(name);
  const keys = pinyinKeys(name);
  return { id: newId(), caseId, personId, name, nameInitials: keys.initials, namePinyin: keys.full, idNumber, unitId, position, createdAt: at };
}

function today(now: Date): string {
  return shanghaiDate(now);
}

/** Registers a clue: its record, its subjects and the opening event with its clocks. */
export function intakeClue(w: Writer, caller: Caller, input: IntakeParsed | IntakeInput, now: Date): string {
  const parsed = casesApi.intake.input.parse(input);
  requireUnit(w.db, parsed.unitId);
  requireInScope(caller.scope, parsed.unitId);
  if (parsed.receivedDate > today(now)) throw new AppError('INVALID_INPUT', { issues: [`receivedDate ${parsed.receivedDate}: in the future`] });
  const at = shanghaiTimestamp(now);
  const id = newId();
  w.insert(cases, {
    id,
    number: nextNumber(w.db, parsed.unitId, parsed.receivedDate),
    title: parsed.title,
    source: parsed.source,
    receivedDate: parsed.receivedDate,
    unitId: parsed.unitId,
    summary: parsed.summary,
    complainantNamed: parsed.complainant.named,
    complainantName: parsed.complainant.name,
    complainantContact: parsed.complainant.contact,
    createdAt: at,
    updatedAt: at,
  });
  for (const subject of parsed.subjects) w.insert(caseSubjects, subjectRow(w.db, caller.scope, id, subject, at));
  const settings = loadSettings(w.db);
  appendEvent(
    w,
    id,
    {
      kind: 'opened',
      action: null,
      fromStage: null,
      toStage: 'intake',
      date: parsed.receivedDate,
      userId: caller.userId,
      actor: caller.actor,
      fields: {},
      approvals: [],
      effects: {
        stage: 'intake',
        clocks: [
          { op: 'start', kind: 'intake_dispatch', limit: settings.limits.intake_dispatch },
          ...(parsed.complainant.named ? [{ op: 'start' as const, kind: 'complainant_notice' as const, limit: settings.limits.complainant_notice }] : []),
        ],
      },
      refersTo: null,
    },
    now,
  );
  projectCase(w.db, id, now);
  return id;
}

function loadState(w: Writer, caseId: string): { events: StoredEvent[]; state: CaseState } {
  const events = loadEvents(w.db, caseId);
  return { events, state: replay(events) };
}

function requireVersion(state: CaseState, events: StoredEvent[], version: number): void {
  if (version !== state.version) {
    throw new AppError('CASE_VERSION_CONFLICT', { actor: events.at(-1)?.actor ?? '', version: state.version });
  }
}

/** A case moved at two offices at once is moved again only once people chose which move stands. */
function requireNoConflict(state: CaseState): void {
  if (state.conflict) throw new AppError('CASE_IN_CONFLICT');
}

/** The effective date of an action: today unless given, never before the case's last event nor after today. */
function effectiveDate(state: CaseState, date: string | null | undefined, now: Date): string {
  const value = date ?? today(now);
  if (value > today(now)) throw new AppError('INVALID_INPUT', { issues: [`date ${value}: in the future`] });
  if (state.lastDate && value < state.lastDate) throw new AppError('INVALID_INPUT', { issues: [`date ${value}: before the last step (${state.lastDate})`] });
  return value;
}

function checkFieldReferences(w: Writer, caller: Caller, caseId: string, fields: ActionFields): void {
  if (fields.departmentId) {
    requireUnit(w.db, fields.departmentId);
    requireInScope(caller.scope, fields.departmentId);
  }
  if (fields.targetUnitId) requireUnit(w.db, fields.targetUnitId);
  for (const sanction of fields.sanctions ?? []) {
    const subject = w.db.select({ id: caseSubjects.id }).from(caseSubjects).where(and(eq(caseSubjects.id, sanction.subjectId), eq(caseSubjects.caseId, caseId))).get();
    if (!subject) throw new AppError('INVALID_INPUT', { issues: [`sanctions: ${sanction.subjectId} is not a subject of this case`] });
  }
}

/** The event of a planned step: applied at once (`acted`), or waiting for its approver (`proposed`). */
function stepEvent(kind: 'acted' | 'proposed', state: CaseState, planned: ReturnType<typeof plan>, caller: Caller, action: Action, date: string): NewEvent {
  return {
    kind,
    action,
    fromStage: state.stage,
    toStage: planned.toStage,
    date,
    userId: caller.userId,
    actor: caller.actor,
    fields: planned.fields,
    approvals: [],
    effects:
      kind === 'acted' ? planned.effects : { proposal: { action, fields: planned.fields, date, approver: planned.approver! } },
    refersTo: null,
  };
}

/** Applies an action, or proposes it when the settings name an approver for it. */
export function actOnCase(w: Writer, caller: Caller, input: ParsedInputOf<typeof casesApi.act>, now: Date): void {
  requireCase(w.db, caller, input.caseId);
  const { events, state } = loadState(w, input.caseId);
  requireVersion(state, events, input.version);
  requireNoConflict(state);
  const date = effectiveDate(state, input.date, now);
  checkFieldReferences(w, caller, input.caseId, input.fields);
  const planned = plan(state, loadSettings(w.db), input.action, input.fields, date, (permission) => caller.permissions.has(permission));
  // a deadline the calendar cannot give is shown as unknown, never guessed; the step itself goes ahead
  const event = stepEvent(planned.approver ? 'proposed' : 'acted', state, planned, caller, input.action, date);
  const stored = appendEvent(w, input.caseId, event, now);
  fileDocuments(w, caller, input.caseId, stored.id, input.attachments, now);
  projectCase(w.db, input.caseId, now);
}

/** Approves (applies) or rejects the proposal waiting on a case. */
export function decideProposal(w: Writer, caller: Caller, input: ParsedInputOf<typeof casesApi.decide>, now: Date, displayName: string): void {
  requireCase(w.db, caller, input.caseId);
  const { events, state } = loadState(w, input.caseId);
  requireVersion(state, events, input.version);
  requireNoConflict(state);
  const pending = state.pending;
  if (!pending) throw new AppError('CASE_NOTHING_PENDING');
  if (callerRole(w.db, caller) !== pending.approver) throw new AppError('CASE_NOT_APPROVER', { role: pending.approver });
  const step = { by: caller.actor, byName: displayName, at: shanghaiTimestamp(now), approved: input.approve, comment: input.comment };
  if (!input.approve) {
    appendEvent(
      w,
      input.caseId,
      {
        kind: 'rejected',
        action: pending.action,
        fromStage: state.stage,
        toStage: state.stage,
        date: effectiveDate(state, null, now),
        userId: caller.userId,
        actor: caller.actor,
        fields: pending.fields,
        approvals: [step],
        effects: {},
        refersTo: pending.eventId,
      },
      now,
    );
  } else {
    // the proposal is planned again on the state it waited in, as of the date it was proposed for
    // the proposer's permission was checked when it was proposed; the approver's role decides now
    const planned = plan({ ...state, pending: null }, loadSettings(w.db), pending.action, pending.fields, pending.date, () => true);
    appendEvent(w, input.caseId, { ...stepEvent('acted', state, planned, caller, pending.action, pending.date), approvals: [step], refersTo: pending.eventId }, now);
  }
  projectCase(w.db, input.caseId, now);
}

/** Takes back the latest event in effect with a compensating event; only its author may. */
export function undoLatest(w: Writer, caller: Caller, input: ParsedInputOf<typeof casesApi.undo>, now: Date): void {
  requireCase(w.db, caller, input.caseId);
  const { events, state } = loadState(w, input.caseId);
  requireVersion(state, events, input.version);
  requireNoConflict(state);
  const target = undoable(events, state);
  if (!target) throw new AppError('CASE_NOTHING_TO_UNDO');
  if (target.userId !== caller.userId) throw new AppError('FORBIDDEN', { why: 'undo_by_author' });
  if (target.kind === 'merged' && target.effects.mergedInto) throw new AppError('CASE_NOTHING_TO_UNDO');
  appendEvent(w, input.caseId, undoEvent(state, target, caller, input.reason, {}, now), now);
  projectCase(w.db, input.caseId, now);
}

/** The event that takes `target` back, with the reason given. */
function undoEvent(state: CaseState, target: StoredEvent, caller: Caller, reason: string, effects: NewEvent['effects'], now: Date): NewEvent {
  return {
    kind: 'undone',
    action: target.action,
    fromStage: state.stage,
    toStage: target.fromStage,
    date: state.lastDate ?? today(now),
    userId: caller.userId,
    actor: caller.actor,
    fields: { reason },
    approvals: [],
    effects,
    refersTo: target.id,
  };
}

/** Who may undo the latest event: its author, once no conflict waits. */
export function canUndo(events: StoredEvent[], state: CaseState, caller: Caller): boolean {
  const target = undoable(events, state);
  return state.conflict === null && target !== undefined && target.userId === caller.userId && !(target.kind === 'merged' && target.effects.mergedInto);
}

/**
 * Settles a conflict: the move chosen stands, and every move in effect made concurrently with it
 * is taken back by an undo naming it. Nothing is deleted; both histories stay in the timeline.
 */
export function resolveConflict(w: Writer, caller: Caller, input: ParsedInputOf<typeof casesApi.resolveConflict>, now: Date): void {
  requireCase(w.db, caller, input.caseId);
  const { events, state } = loadState(w, input.caseId);
  requireVersion(state, events, input.version);
  if (!state.conflict) throw new AppError('CASE_NOT_IN_CONFLICT');
  if (!state.conflict.eventIds.includes(input.keep)) throw new AppError('INVALID_INPUT', { issues: [`keep ${input.keep}: not one of the conflicting moves`] });
  for (const target of movesToTakeBack(events, state.undone, input.keep)) {
    appendEvent(w, input.caseId, undoEvent(state, target, caller, input.reason, { resolves: input.keep }, now), now);
  }
  projectCase(w.db, input.caseId, now);
}

/** Closes a duplicate clue as merged into another; both keep their histories. */
export function mergeCases(w: Writer, caller: Caller, input: ParsedInputOf<typeof casesApi.merge>, now: Date): void {
  if (input.duplicateId === input.intoId) throw new AppError('CASE_MERGE_INVALID', { why: 'same' });
  const duplicate = requireCase(w.db, caller, input.duplicateId);
  const into = requireCase(w.db, caller, input.intoId);
  const dup = loadState(w, duplicate.id).state;
  const target = loadState(w, into.id).state;
  if (dup.mergedInto || target.mergedInto) throw new AppError('CASE_MERGE_INVALID', { why: 'already_merged' });
  requireNoConflict(dup);
  if (dup.pending) throw new AppError('CASE_APPROVAL_PENDING', { action: dup.pending.action });
  const date = today(now);
  const base = { kind: 'merged' as const, action: null, date, userId: caller.userId, actor: caller.actor, fields: { reason: input.reason }, approvals: [] };
  appendEvent(
    w,
    duplicate.id,
    {
      ...base,
      fromStage: dup.stage,
      toStage: 'closed',
      effects: {
        stage: 'closed',
        outcome: 'merged',
        mergedInto: { id: into.id, number: into.number },
        clocks: dup.clocks.filter((c) => c.closedDate === null).map((c) => ({ op: 'stop' as const, kind: c.kind })),
      },
      refersTo: into.id,
    },
    now,
  );
  appendEvent(w, into.id, { ...base, fromStage: target.stage, toStage: target.stage, effects: {}, refersTo: duplicate.id }, now);
  projectCase(w.db, duplicate.id, now);
  projectCase(w.db, into.id, now);
}

export function acknowledgeReport(w: Writer, caller: Caller, input: ParsedInputOf<typeof casesApi.acknowledgeReport>, now: Date): void {
  requireCase(w.db, caller, input.caseId);
  const { state } = loadState(w, input.caseId);
  const report = state.reports.find((r) => r.id === input.reportId);
  if (!report) throw new AppError('NOT_FOUND', { report: input.reportId });
  if (report.acknowledgedDate) throw new AppError('CONFLICT', { report: input.reportId });
  const date = effectiveDate(state, input.date, now);
  appendEvent(
    w,
    input.caseId,
    {
      kind: 'acknowledged',
      action: null,
      fromStage: state.stage,
      toStage: state.stage,
      date,
      userId: caller.userId,
      actor: caller.actor,
      fields: {},
      approvals: [],
      effects: { acknowledge: { reportId: report.id } },
      refersTo: null,
    },
    now,
  );
  projectCase(w.db, input.caseId, now);
}
