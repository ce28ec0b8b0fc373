// What an action would do to a case, by the workflow table and the settings, or why it is
// refused. Pure: the command layer (commands.ts) checks scope and writes the events.
import {
  ACTION_FIELDS,
  type Action,
  type ActionField,
  type ActionFields,
  type ActionOption,
  type ClockKind,
  type Stage,
  type WorkflowSettings,
  SANCTION_PERIOD_MONTHS,
} from '../../shared/api/cases';
import type { Permission, RoleCode } from '../../shared/api/permissions';
import { AppError } from '../api/errors';
import { plusMonths } from './clocks';
import { isPaused, openClock, type CaseState, type ClockEffect, type Effects } from './replay';
import { APPEAL_CLOCKS, CLOCK_STAGES, TRANSITIONS, transitionFor, type Transition } from './workflow';

export interface Planned {
  effects: Effects;
  toStage: Stage;
  /** the role that must approve it first, or null */
  approver: RoleCode | null;
}

function missingFields(transition: Transition, fields: ActionFields): ActionField[] {
  return (transition.required ?? []).filter((field) => {
    const value = fields[field];
    return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  });
}

/** Why a clock action cannot apply to this clock now, or null when it can. */
function clockRefusal(state: CaseState, settings: WorkflowSettings, action: Action, kind: ClockKind): string | null {
  const clock = openClock(state, kind);
  if (!clock) return 'not_open';
  if (action === 'pause' && isPaused(clock)) return 'paused';
  if (action === 'resume' && !isPaused(clock)) return 'not_paused';
  if (action === 'extend') {
    const limit = settings.limits[kind];
    if (!('limit' in clock.rule) || !limit.extension) return 'no_extension';
    if (clock.steps.filter((s) => s.type === 'extend').length >= limit.maxExtensions) return 'extensions_used';
  }
  return null;
}

const CLOCK_ACTIONS: readonly Action[] = ['pause', 'resume', 'extend'];

/** The clocks a clock action may apply to now. */
function clockChoices(state: CaseState, settings: WorkflowSettings, action: Action): ClockKind[] {
  const open = state.clocks.filter((c) => c.closedDate === null).map((c) => c.kind);
  return [...new Set(open)].filter((kind) => clockRefusal(state, settings, action, kind) === null);
}

function guardsPass(state: CaseState, transition: Transition): boolean {
  if (transition.needsOpen && !openClock(state, transition.needsOpen.clock)) return false;
  if (transition.needsClosed && openClock(state, transition.needsClosed)) return false;
  return true;
}

/** Whether the caller holds a permission. */
export type Holds = (permission: Permission) => boolean;

/** The actions the workflow allows now to a caller, as the case page offers them. */
export function nextActions(state: CaseState, settings: WorkflowSettings, holds: Holds): ActionOption[] {
  if (state.pending || state.mergedInto) return [];
  const options: ActionOption[] = [];
  for (const transition of TRANSITIONS) {
    if (!transition.from.includes(state.stage) || !guardsPass(state, transition)) continue;
    if (transition.proposer && !holds(transition.proposer)) continue;
    const clocks = CLOCK_ACTIONS.includes(transition.action) ? clockChoices(state, settings, transition.action) : [];
    if (CLOCK_ACTIONS.includes(transition.action) && clocks.length === 0) continue;
    options.push({
      action: transition.action,
      to: transition.to === 'same' ? state.stage : transition.to,
      required: [...(transition.required ?? [])],
      approver: settings.approvers[transition.action] ?? null,
      clocks,
    });
  }
  return options;
}

function refuse(state: CaseState, action: Action): AppError {
  return new AppError('CASE_ACTION_NOT_ALLOWED', { stage: state.stage, action });
}

/** Clock effects of a change of stage: the clocks of the stage left are closed. */
function stageStops(state: CaseState, to: Stage): ClockEffect[] {
  const stops: ClockEffect[] = [];
  for (const clock of state.clocks) {
    if (clock.closedDate !== null) continue;
    const stages = CLOCK_STAGES[clock.kind];
    if (stages !== 'case' && !stages.includes(to)) stops.push({ op: 'stop', kind: clock.kind });
  }
  return stops;
}

/** Keeps only the fields the action may carry, so an event records nothing it did not use. */
function usedFields(transition: Transition, fields: ActionFields): ActionFields {
  const used = new Set<ActionField>([...(transition.required ?? []), 'reason']);
  return Object.fromEntries(ACTION_FIELDS.filter((f) => used.has(f) && fields[f] != null).map((f) => [f, fields[f]])) as ActionFields;
}

/**
 * Plans `action` on a case in `state`, taking effect on `date`. Refuses (with the reason)
 * an action the stage does not allow, a missing field, a clock that cannot be changed so, or
 * anything while a proposal awaits its decision.
 */
export function plan(
  state: CaseState,
  settings: WorkflowSettings,
  action: Action,
  fields: ActionFields,
  date: string,
  holds: Holds,
): Planned & { fields: ActionFields } {
  if (state.mergedInto) throw refuse(state, action);
  if (state.pending) throw new AppError('CASE_APPROVAL_PENDING', { action: state.pending.action });
  const transition = transitionFor(action, state.stage);
  if (!transition || !guardsPass(state, transition)) throw refuse(state, action);
  if (transition.proposer && !holds(transition.proposer)) throw new AppError('FORBIDDEN', { permission: transition.proposer });
  const missing = missingFields(transition, fields);
  if (missing.length > 0) throw new AppError('CASE_FIELD_REQUIRED', { fields: missing });
  const kept = usedFields(transition, fields);
  const toStage = transition.to === 'same' ? state.stage : transition.to;
  const clocks: ClockEffect[] = [];
  const effects: Effects = { clocks };

  if (CLOCK_ACTIONS.includes(action)) {
    const kind = fields.clock!;
    const why = clockRefusal(state, settings, action, kind);
    if (why) throw new AppError('CASE_CLOCK_INVALID', { clock: kind, why });
    if (action === 'pause') clocks.push({ op: 'pause', kind, reason: fields.reason! });
    else if (action === 'resume') clocks.push({ op: 'resume', kind });
    else clocks.push({ op: 'extend', kind, limit: settings.limits[kind].extension! });
  }
  if (toStage !== state.stage) {
    effects.stage = toStage;
    clocks.push(...stageStops(state, toStage));
  }
  if (transition.outcome) effects.outcome = transition.outcome;
  for (const kind of transition.stops ?? []) {
    if (openClock(state, kind) && !clocks.some((c) => c.op === 'stop' && c.kind === kind)) clocks.push({ op: 'stop', kind });
  }
  for (const kind of transition.starts ?? []) {
    if (kind === 'shelved_review') {
      const latest = plusMonths(date, settings.limits.shelved_review.n);
      const review = fields.reviewDate!;
      if (review <= date || review > latest) throw new AppError('CASE_CLOCK_INVALID', { clock: kind, why: `review_date:${date}..${latest}` });
      clocks.push({ op: 'start', kind, fixedDue: review });
    } else {
      clocks.push({ op: 'start', kind, limit: settings.limits[kind] });
    }
  }
  if (action === 'appeal') clocks.push({ op: 'start', kind: APPEAL_CLOCKS[fields.appealKind!], limit: settings.limits[APPEAL_CLOCKS[fields.appealKind!]] });
  if (action === 'dispatch') effects.departmentId = fields.departmentId!;
  if (transition.reports) effects.reports = transition.reports;
  if (transition.sanctions) {
    effects.sanctions = {
      mode: transition.sanctions,
      items: fields.sanctions!.map(({ subjectId, kind }) => {
        const months = SANCTION_PERIOD_MONTHS[kind];
        return { subjectId, kind, until: months === null ? null : plusMonths(date, months) };
      }),
    };
  }
  return { effects, toStage, approver: settings.approvers[action] ?? null, fields: kept };
}
