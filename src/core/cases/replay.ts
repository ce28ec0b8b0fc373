// A case's state is derived from its events: replay folds them, skipping undone ones. Each
// event carries its effects, worked out when it was written (plan.ts), so replay is mechanical
// and gives the same state on every node and after any change of settings. Pure.
import type {
  Action,
  ActionFields,
  ApprovalStep,
  CaseEvent,
  ClockKind,
  Limit,
  Outcome,
  SanctionKind,
  Stage,
} from '../../shared/api/cases';
import type { RoleCode } from '../../shared/api/permissions';
import type { ClockFacts } from './clocks';
import { findConflict, undoneSet, type CaseConflict } from './conflicts';

export type ClockEffect =
  | { op: 'start'; kind: ClockKind; limit: Limit }
  | { op: 'start'; kind: ClockKind; fixedDue: string }
  | { op: 'stop'; kind: ClockKind }
  | { op: 'pause'; kind: ClockKind; reason: string }
  | { op: 'resume'; kind: ClockKind }
  | { op: 'extend'; kind: ClockKind; limit: Limit };

export interface Effects {
  stage?: Stage;
  outcome?: Outcome;
  departmentId?: string;
  clocks?: ClockEffect[];
  reports?: 'disposal' | 'investigation';
  sanctions?: { mode: 'add' | 'replace'; items: { subjectId: string; kind: SanctionKind; until: string | null }[] };
  proposal?: { action: Action; fields: ActionFields; date: string; approver: RoleCode };
  acknowledge?: { reportId: string };
  mergedInto?: { id: string; number: string };
  /** on an undo that settles a conflict: the concurrent move kept */
  resolves?: string;
}

export interface StoredEvent {
  id: string;
  seq: number;
  kind: CaseEvent['kind'];
  action: Action | null;
  fromStage: Stage | null;
  toStage: Stage | null;
  date: string;
  at: string;
  userId: string | null;
  actor: string;
  fields: ActionFields;
  approvals: ApprovalStep[];
  effects: Effects;
  refersTo: string | null;
  /** the case's latest events when this one was written (conflicts.ts); null before sync */
  after: readonly string[] | null;
}

export interface PendingProposal {
  eventId: string;
  action: Action;
  fields: ActionFields;
  date: string;
  approver: RoleCode;
  userId: string | null;
  actor: string;
}

export interface ReportState {
  id: string;
  kind: 'disposal' | 'investigation';
  recipient: 'party_committee' | 'commission_above';
  createdDate: string;
  acknowledgedDate: string | null;
  acknowledgedBy: string | null;
}

export interface SanctionState {
  id: string;
  subjectId: string;
  kind: SanctionKind;
  decidedDate: string;
  until: string | null;
  superseded: boolean;
}

export interface CaseState {
  stage: Stage;
  outcome: Outcome | null;
  departmentId: string | null;
  clocks: ClockFacts[];
  pending: PendingProposal | null;
  reports: ReportState[];
  sanctions: SanctionState[];
  mergedInto: { id: string; number: string } | null;
  /** every event counts, undone or not: it is what an action must have seen */
  version: number;
  /** the date of the latest event in effect: a new one may not take effect before it */
  lastDate: string | null;
  /** ids of events taken back by an undo */
  undone: ReadonlySet<string>;
  /** moves made concurrently at two offices, both in effect: people choose which stands */
  conflict: CaseConflict | null;
}

export const RECIPIENTS = ['party_committee', 'commission_above'] as const;

/** The open run of a clock kind, if any. */
export function openClock(state: Pick<CaseState, 'clocks'>, kind: ClockKind): ClockFacts | undefined {
  return state.clocks.findLast((c) => c.kind === kind && c.closedDate === null);
}

export function isPaused(clock: ClockFacts): boolean {
  const last = clock.steps.findLast((s) => s.type !== 'extend');
  return last?.type === 'pause';
}

function applyClock(clocks: ClockFacts[], effect: ClockEffect, event: StoredEvent): void {
  if (effect.op === 'start') {
    clocks.push({
      id: `${event.id}:${effect.kind}`,
      kind: effect.kind,
      startDate: event.date,
      rule: 'limit' in effect ? { limit: effect.limit } : { fixedDue: effect.fixedDue },
      steps: [],
      closedDate: null,
    });
    return;
  }
  const clock = openClock({ clocks }, effect.kind);
  if (!clock) return;
  if (effect.op === 'stop') clock.closedDate = event.date;
  else if (effect.op === 'pause') clock.steps.push({ type: 'pause', date: event.date, reason: effect.reason });
  else if (effect.op === 'resume') clock.steps.push({ type: 'resume', date: event.date });
  else clock.steps.push({ type: 'extend', date: event.date, limit: effect.limit });
}

function apply(state: CaseState, event: StoredEvent): void {
  const { effects } = event;
  if (event.kind === 'proposed' && effects.proposal) {
    state.pending = { eventId: event.id, ...effects.proposal, userId: event.userId, actor: event.actor };
  }
  // a decision on a proposal, or an undo of it, settles it
  if (state.pending && event.refersTo === state.pending.eventId) state.pending = null;
  if (effects.stage) state.stage = effects.stage;
  if (effects.outcome !== undefined) state.outcome = effects.outcome;
  if (effects.departmentId) state.departmentId = effects.departmentId;
  for (const clock of effects.clocks ?? []) applyClock(state.clocks, clock, event);
  if (effects.reports) {
    for (const recipient of RECIPIENTS) {
      state.reports.push({
        id: `${event.id}:${recipient}`,
        kind: effects.reports,
        recipient,
        createdDate: event.date,
        acknowledgedDate: null,
        acknowledgedBy: null,
      });
    }
  }
  if (effects.sanctions) {
    if (effects.sanctions.mode === 'replace') for (const s of state.sanctions) s.superseded = true;
    effects.sanctions.items.forEach((item, i) =>
      state.sanctions.push({ id: `${event.id}:${i}`, ...item, decidedDate: event.date, superseded: false }),
    );
  }
  if (effects.acknowledge) {
    const report = state.reports.find((r) => r.id === effects.acknowledge!.reportId);
    if (report) {
      report.acknowledgedDate = event.date;
      report.acknowledgedBy = event.actor;
    }
  }
  if (effects.mergedInto) state.mergedInto = effects.mergedInto;
  state.lastDate = event.date;
}

/**
 * The state the events lead to; events must be in replay order (seq, then at, then id: every
 * node orders concurrent events alike).
 */
export function replay(events: readonly StoredEvent[]): CaseState {
  const undone = undoneSet(events);
  const state: CaseState = {
    stage: 'intake',
    outcome: null,
    departmentId: null,
    clocks: [],
    pending: null,
    reports: [],
    sanctions: [],
    mergedInto: null,
    version: events.length,
    lastDate: null,
    undone,
    conflict: findConflict(events, undone),
  };
  for (const event of events) {
    if (event.kind === 'undone' || undone.has(event.id)) continue;
    apply(state, event);
  }
  return state;
}

/** The event an undo would take back: the latest in effect that is not the case's opening. */
export function undoable(events: readonly StoredEvent[], state: CaseState): StoredEvent | undefined {
  return events.findLast((e) => e.kind !== 'undone' && e.kind !== 'opened' && !state.undone.has(e.id));
}
