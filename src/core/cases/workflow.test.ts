import { describe, expect, it } from 'vitest';
import { ACTIONS, STAGES, type ActionFields, type ClockKind, type Stage } from '../../shared/api/cases';
import { AppError } from '../api/errors';
import type { ClockFacts } from './clocks';
import { nextActions, plan } from './plan';
import { replay, type CaseState, type StoredEvent } from './replay';
import { CLOCK_STAGES, DEFAULT_SETTINGS, TRANSITIONS, type Transition } from './workflow';

const DATE = '2026-03-02';
const NO_APPROVALS = { ...DEFAULT_SETTINGS, approvers: {} };
/** a caller holding every permission */
const ALL = () => true;

function clock(kind: ClockKind, extra: Partial<ClockFacts> = {}): ClockFacts {
  return { id: `e0:${kind}`, kind, startDate: '2026-02-02', rule: { limit: DEFAULT_SETTINGS.limits[kind] }, steps: [], closedDate: null, ...extra };
}

function stateAt(stage: Stage, clocks: ClockFacts[] = []): CaseState {
  return {
    stage,
    outcome: null,
    departmentId: null,
    clocks,
    pending: null,
    reports: [],
    sanctions: [],
    mergedInto: null,
    version: 1,
    lastDate: '2026-02-02',
    undone: new Set(),
    conflict: null,
  };
}

/** Every field an action could ask for, filled in. */
const FULL: ActionFields = {
  reason: '理由',
  departmentId: 'U-dept',
  targetUnitId: 'U-county',
  recipient: '省纪委监委',
  reviewDate: '2026-05-04',
  measure: 'criticism',
  sanctions: [{ subjectId: 'S1', kind: 'party_warning' }],
  appealKind: 'review',
  clock: 'investigation',
};

/** The clocks a transition's guard needs open in `stage`, so that the guard passes. */
function clocksFor(transition: Transition): ClockFacts[] {
  const kinds = new Set<ClockKind>();
  if (transition.needsOpen) kinds.add(transition.needsOpen.clock);
  if (['pause', 'extend', 'resume'].includes(transition.action)) kinds.add('complainant_notice');
  return [...kinds].map((kind) =>
    transition.action === 'resume' ? clock(kind, { steps: [{ type: 'pause', date: '2026-02-10', reason: '等待' }] }) : clock(kind),
  );
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
}

describe('the workflow table', () => {
  it('has one row per action and stage, and every action has a row', () => {
    const seen = new Set<string>();
    for (const t of TRANSITIONS) {
      for (const from of t.from) {
        expect(seen.has(`${t.action}@${from}`), `${t.action}@${from}`).toBe(false);
        seen.add(`${t.action}@${from}`);
      }
    }
    expect(new Set(TRANSITIONS.map((t) => t.action))).toEqual(new Set(ACTIONS));
  });

  it('closes with an outcome exactly when it leads to closed', () => {
    for (const t of TRANSITIONS) expect(t.to === 'closed', t.action).toBe(t.outcome !== undefined);
  });

  for (const transition of TRANSITIONS) {
    for (const from of transition.from) {
      it(`${transition.action} from ${from} leads to ${transition.to === 'same' ? from : transition.to}`, () => {
        const fields = transition.action === 'resume' || transition.action === 'pause' || transition.action === 'extend' ? { ...FULL, clock: 'complainant_notice' as const } : FULL;
        const settings = transition.action === 'extend' ? { ...NO_APPROVALS, limits: { ...NO_APPROVALS.limits, complainant_notice: { unit: 'working_days' as const, n: 15, extension: { unit: 'working_days' as const, n: 5 }, maxExtensions: 1 } } } : NO_APPROVALS;
        const planned = plan(stateAt(from, clocksFor(transition)), settings, transition.action, fields, DATE, ALL);
        expect(planned.toStage).toBe(transition.to === 'same' ? from : transition.to);
        if (transition.outcome) expect(planned.effects.outcome).toBe(transition.outcome);
        for (const kind of transition.starts ?? []) expect(planned.effects.clocks).toContainEqual(expect.objectContaining({ op: 'start', kind }));
      });
    }
    const refused = STAGES.filter((stage) => !transition.from.includes(stage) && !TRANSITIONS.some((t) => t.action === transition.action && t.from.includes(stage)));
    if (refused.length > 0) {
      it(`${transition.action} is refused from ${refused.join(', ')}`, () => {
        for (const stage of refused) expect(code(() => plan(stateAt(stage, clocksFor(transition)), NO_APPROVALS, transition.action, FULL, DATE, ALL)), stage).toBe('CASE_ACTION_NOT_ALLOWED');
      });
    }
    if (transition.required?.length) {
      it(`${transition.action} asks for ${transition.required.join(', ')}`, () => {
        const error = (() => {
          try {
            plan(stateAt(transition.from[0]!, clocksFor(transition)), NO_APPROVALS, transition.action, {}, DATE, ALL);
          } catch (e) {
            return e as AppError;
          }
        })();
        expect(error?.code).toBe('CASE_FIELD_REQUIRED');
        expect(error?.details?.fields).toEqual([...transition.required!]);
      });
    }
  }

  it('offers as next actions exactly what plan accepts', () => {
    for (const stage of STAGES) {
      const state = stateAt(stage, [clock('complainant_notice')]);
      const offered = nextActions(state, NO_APPROVALS, ALL).map((o) => o.action);
      for (const action of ACTIONS) {
        const fields = { ...FULL, clock: 'complainant_notice' as const };
        const accepted = code(() => plan(state, NO_APPROVALS, action, fields, DATE, ALL)) === undefined;
        expect(offered.includes(action), `${action}@${stage}`).toBe(accepted);
      }
    }
  });
});

describe('clocks of a transition', () => {
  it('a change of stage closes the clocks of the stage left, not the complainant notice', () => {
    const planned = plan(stateAt('intake', [clock('intake_dispatch'), clock('complainant_notice')]), NO_APPROVALS, 'dispatch', FULL, DATE, ALL);
    expect(planned.effects.clocks).toEqual([
      { op: 'stop', kind: 'intake_dispatch' },
      { op: 'start', kind: 'disposal_plan', limit: DEFAULT_SETTINGS.limits.disposal_plan },
    ]);
    expect(planned.effects.departmentId).toBe('U-dept');
  });

  it('closing a case closes every clock but the complainant notice', () => {
    const planned = plan(stateAt('investigation', [clock('investigation'), clock('detention'), clock('complainant_notice')]), NO_APPROVALS, 'withdraw', FULL, DATE, ALL);
    expect(planned.effects.clocks).toEqual([
      { op: 'stop', kind: 'investigation' },
      { op: 'stop', kind: 'detention' },
    ]);
  });

  it('the execution report runs on through an appeal, which starts the clock of its kind', () => {
    const planned = plan(stateAt('executing', [clock('execution_report')]), NO_APPROVALS, 'appeal', { appealKind: 'party_appeal' }, DATE, ALL);
    expect(planned.effects.clocks).toEqual([{ op: 'start', kind: 'party_appeal', limit: DEFAULT_SETTINGS.limits.party_appeal }]);
    expect(CLOCK_STAGES.execution_report).toContain('appeal');
  });

  it('detention is taken once at a time, released only when taken, the family told within 24 hours', () => {
    const detained = plan(stateAt('investigation', [clock('investigation')]), NO_APPROVALS, 'detain', {}, DATE, ALL);
    expect(detained.effects.clocks).toContainEqual({ op: 'start', kind: 'detention_notice', limit: { unit: 'hours', n: 24, extension: null, maxExtensions: 0 } });
    expect(code(() => plan(stateAt('investigation', [clock('detention')]), NO_APPROVALS, 'detain', {}, DATE, ALL))).toBe('CASE_ACTION_NOT_ALLOWED');
    expect(code(() => plan(stateAt('investigation', [clock('investigation')]), NO_APPROVALS, 'release', {}, DATE, ALL))).toBe('CASE_ACTION_NOT_ALLOWED');
  });

  it('a shelved clue is reviewed on a date after today and within the limit', () => {
    const state = stateAt('dispatched', [clock('disposal_plan')]);
    expect(plan(state, NO_APPROVALS, 'shelve', { reviewDate: '2026-06-01' }, DATE, ALL).effects.clocks).toContainEqual({ op: 'start', kind: 'shelved_review', fixedDue: '2026-06-01' });
    expect(code(() => plan(state, NO_APPROVALS, 'shelve', { reviewDate: DATE }, DATE, ALL))).toBe('CASE_CLOCK_INVALID');
    expect(code(() => plan(state, NO_APPROVALS, 'shelve', { reviewDate: '2026-09-03' }, DATE, ALL))).toBe('CASE_CLOCK_INVALID');
  });

  it('a clock is extended only as often as its limit allows, paused once, resumed only when paused', () => {
    const extended = clock('preliminary_check', { steps: [{ type: 'extend', date: '2026-03-01', limit: { unit: 'months', n: 1 } }] });
    const state = stateAt('preliminary_check', [extended]);
    expect(code(() => plan(state, NO_APPROVALS, 'extend', { clock: 'preliminary_check', reason: '复杂' }, DATE, ALL))).toBe('CASE_CLOCK_INVALID');
    expect(code(() => plan(stateAt('preliminary_check', [clock('preliminary_check')]), NO_APPROVALS, 'resume', { clock: 'preliminary_check' }, DATE, ALL))).toBe('CASE_CLOCK_INVALID');
    expect(code(() => plan(stateAt('intake', [clock('intake_dispatch')]), NO_APPROVALS, 'extend', { clock: 'intake_dispatch', reason: 'x' }, DATE, ALL))).toBe('CASE_CLOCK_INVALID');
    expect(code(() => plan(stateAt('intake', [clock('intake_dispatch')]), NO_APPROVALS, 'pause', { clock: 'disposal_plan', reason: 'x' }, DATE, ALL))).toBe('CASE_CLOCK_INVALID');
    const paused = stateAt('intake', [clock('intake_dispatch', { steps: [{ type: 'pause', date: DATE, reason: '等待' }] })]);
    expect(code(() => plan(paused, NO_APPROVALS, 'pause', { clock: 'intake_dispatch', reason: 'x' }, DATE, ALL))).toBe('CASE_CLOCK_INVALID');
  });

  it('a sanction weighs on the integrity file for its period from the decision', () => {
    const planned = plan(stateAt('adjudication', [clock('adjudication')]), NO_APPROVALS, 'decide', {
      sanctions: [
        { subjectId: 'S1', kind: 'party_serious_warning' },
        { subjectId: 'S1', kind: 'admin_demerit' },
        { subjectId: 'S2', kind: 'prosecution_referral' },
      ],
    }, '2026-08-31', ALL);
    expect(planned.effects.sanctions?.items.map((s) => s.until)).toEqual(['2028-02-29', '2027-08-31', null]);
  });
});

describe('who may propose', () => {
  it('the decisions on a clue at intake need cases.intake besides cases.handle', () => {
    const handlerOnly = (permission: string) => permission !== 'cases.intake';
    const state = stateAt('intake', [clock('intake_dispatch')]);
    expect(code(() => plan(state, NO_APPROVALS, 'dispatch', FULL, DATE, handlerOnly))).toBe('FORBIDDEN');
    expect(nextActions(state, NO_APPROVALS, handlerOnly).map((o) => o.action)).toEqual(['pause']);
    expect(plan(stateAt('dispatched', [clock('disposal_plan')]), NO_APPROVALS, 'inquire', {}, DATE, handlerOnly).toStage).toBe('inquiry');
  });
});

describe('approvals and the pending proposal', () => {
  it('an action with an approver in the settings is only proposed', () => {
    expect(plan(stateAt('dispatched', [clock('disposal_plan')]), DEFAULT_SETTINGS, 'investigate', {}, DATE, ALL).approver).toBe('commission_leader');
    expect(plan(stateAt('intake', [clock('intake_dispatch')]), DEFAULT_SETTINGS, 'dispatch', FULL, DATE, ALL).approver).toBeNull();
  });

  it('nothing else is done while a proposal waits', () => {
    const state = { ...stateAt('dispatched'), pending: { eventId: 'p', action: 'inquire' as const, fields: {}, date: DATE, approver: 'commission_leader' as const, userId: 'u', actor: 'a' } };
    expect(code(() => plan(state, NO_APPROVALS, 'check', {}, DATE, ALL))).toBe('CASE_APPROVAL_PENDING');
    expect(nextActions(state, NO_APPROVALS, ALL)).toEqual([]);
  });
});

describe('replay', () => {
  let seq = 0;
  const event = (kind: StoredEvent['kind'], over: Partial<StoredEvent> = {}): StoredEvent => {
    seq += 1;
    return { id: `e${seq}`, seq, kind, action: null, fromStage: null, toStage: null, date: DATE, at: '', userId: 'u1', actor: 'a', fields: {}, approvals: [], effects: {}, refersTo: null, after: null, ...over };
  };

  it('derives the stage and clocks from the events, skipping undone ones', () => {
    const opened = event('opened', { effects: { stage: 'intake', clocks: [{ op: 'start', kind: 'intake_dispatch', limit: { unit: 'working_days', n: 5 } }] } });
    const dispatched = event('acted', { action: 'dispatch', effects: { stage: 'dispatched', departmentId: 'D', clocks: [{ op: 'stop', kind: 'intake_dispatch' }] } });
    expect(replay([opened, dispatched]).stage).toBe('dispatched');
    const undo = event('undone', { refersTo: dispatched.id });
    const state = replay([opened, dispatched, undo]);
    expect(state.stage).toBe('intake');
    expect(state.departmentId).toBeNull();
    expect(state.clocks[0]!.closedDate).toBeNull();
    expect(state.version).toBe(3);
  });

  it('a proposal waits until decided; undoing the approval makes it wait again', () => {
    const opened = event('opened', { effects: { stage: 'dispatched' } });
    const proposed = event('proposed', { action: 'inquire', effects: { proposal: { action: 'inquire', fields: {}, date: DATE, approver: 'commission_leader' } } });
    expect(replay([opened, proposed]).pending?.eventId).toBe(proposed.id);
    const approved = event('acted', { action: 'inquire', refersTo: proposed.id, effects: { stage: 'inquiry' } });
    expect(replay([opened, proposed, approved]).pending).toBeNull();
    const undo = event('undone', { refersTo: approved.id });
    const state = replay([opened, proposed, approved, undo]);
    expect(state.stage).toBe('dispatched');
    expect(state.pending?.eventId).toBe(proposed.id);
    const withdrawn = replay([opened, proposed, event('undone', { refersTo: proposed.id })]);
    expect(withdrawn.pending).toBeNull();
  });

  it('raises the two reports of a disposal, and an acknowledgement closes one', () => {
    const opened = event('opened', { effects: { stage: 'dispatched' } });
    const inquired = event('acted', { effects: { stage: 'inquiry', reports: 'disposal' } });
    const ack = event('acknowledged', { effects: { acknowledge: { reportId: `${inquired.id}:commission_above` } } });
    const state = replay([opened, inquired, ack]);
    expect(state.reports.map((r) => [r.recipient, r.acknowledgedDate])).toEqual([
      ['party_committee', null],
      ['commission_above', DATE],
    ]);
  });

  it('a changed sanction supersedes the earlier ones', () => {
    const decided = event('acted', { effects: { sanctions: { mode: 'add', items: [{ subjectId: 'S', kind: 'party_warning', until: '2027-03-02' }] } } });
    const changed = event('acted', { effects: { sanctions: { mode: 'replace', items: [{ subjectId: 'S', kind: 'admin_warning', until: '2026-09-02' }] } } });
    expect(replay([decided, changed]).sanctions.map((s) => [s.kind, s.superseded])).toEqual([
      ['party_warning', true],
      ['admin_warning', false],
    ]);
  });
});
