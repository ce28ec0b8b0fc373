// The clue and case workflow as data: which action leads from which stage to which, what it
// asks for, which clocks it starts and stops, and which reports it raises. The engine
// (plan.ts) reads this table; no handler decides a transition on its own.
import type { Permission } from '../../shared/api/permissions';
import {
  STAGES,
  type Action,
  type ActionField,
  type ClockKind,
  type ClockLimit,
  type Outcome,
  type Stage,
  type WorkflowSettings,
} from '../../shared/api/cases';

export interface Transition {
  action: Action;
  /**
   * who may take or propose it, besides `cases.handle` (which every action needs): the
   * decisions on a clue at intake belong to those who register clues
   */
  proposer?: Permission;
  from: readonly Stage[];
  /** the stage it leads to; `same` keeps the stage (a step inside it) */
  to: Stage | 'same';
  /** with `to: 'closed'` */
  outcome?: Outcome;
  required?: readonly ActionField[];
  /** clocks it starts from the action's date, by the settings' limits */
  starts?: readonly ClockKind[];
  /** clocks it closes (a change of stage also closes every clock of the stage it leaves) */
  stops?: readonly ClockKind[];
  /** allowed only while this clock is open (and, for `paused`, paused or not) */
  needsOpen?: { clock: ClockKind; paused?: boolean };
  /** allowed only while this clock is not open */
  needsClosed?: ClockKind;
  /** raises the two reports of 一案双报告 */
  reports?: 'disposal' | 'investigation';
  /** records the sanctions of its `sanctions` field; `replace` supersedes the earlier ones */
  sanctions?: 'add' | 'replace';
}

const OPEN_STAGES: readonly Stage[] = STAGES.filter((stage) => stage !== 'closed');

export const TRANSITIONS: readonly Transition[] = [
  // 受理: dispatch within 5 working days, or report up, transfer down, or decline
  { proposer: 'cases.intake', action: 'dispatch', from: ['intake'], to: 'dispatched', required: ['departmentId'], starts: ['disposal_plan'] },
  { proposer: 'cases.intake', action: 'report_up', from: ['intake'], to: 'closed', outcome: 'reported_up', required: ['recipient'] },
  { proposer: 'cases.intake', action: 'transfer_down', from: ['intake'], to: 'closed', outcome: 'transferred_down', required: ['targetUnitId'] },
  { proposer: 'cases.intake', action: 'not_accept', from: ['intake'], to: 'closed', outcome: 'not_accepted', required: ['reason'] },
  // a named complainant is told within 15 working days, whatever has happened since
  {
    action: 'notify_complainant',
    from: [...OPEN_STAGES, 'closed'],
    to: 'same',
    stops: ['complainant_notice'],
    needsOpen: { clock: 'complainant_notice' },
  },

  // 处置: the disposal chosen for a dispatched clue, or after an inquiry, check or shelving
  { action: 'inquire', from: ['dispatched'], to: 'inquiry', starts: ['inquiry_reply'], reports: 'disposal' },
  {
    action: 'check',
    from: ['dispatched', 'inquiry', 'shelved'],
    to: 'preliminary_check',
    starts: ['preliminary_check'],
    reports: 'disposal',
  },
  {
    action: 'shelve',
    from: ['dispatched', 'inquiry', 'preliminary_check'],
    to: 'shelved',
    required: ['reviewDate'],
    starts: ['shelved_review'],
    reports: 'disposal',
  },
  {
    action: 'dismiss',
    from: ['dispatched', 'preliminary_check', 'shelved'],
    to: 'closed',
    outcome: 'dismissed',
    required: ['reason'],
    reports: 'disposal',
  },
  {
    action: 'investigate',
    from: ['dispatched', 'preliminary_check'],
    to: 'investigation',
    starts: ['investigation'],
    reports: 'investigation',
  },

  // 谈话函询: the written reply, then closure a month later or another disposal
  {
    action: 'record_reply',
    from: ['inquiry'],
    to: 'same',
    stops: ['inquiry_reply'],
    starts: ['inquiry_closure'],
    needsOpen: { clock: 'inquiry_reply' },
  },
  { action: 'clarify', from: ['inquiry'], to: 'closed', outcome: 'clarified' },
  { action: 'first_form', from: ['inquiry', 'preliminary_check'], to: 'closed', outcome: 'first_form', required: ['measure'] },

  // 初步核实
  { action: 'transfer', from: ['preliminary_check'], to: 'closed', outcome: 'transferred', required: ['recipient'] },

  // 立案审查调查, with 留置 as a measure inside it
  { action: 'detain', from: ['investigation'], to: 'same', starts: ['detention', 'detention_notice'], needsClosed: 'detention' },
  {
    action: 'notify_family',
    from: ['investigation'],
    to: 'same',
    stops: ['detention_notice'],
    needsOpen: { clock: 'detention_notice' },
  },
  {
    action: 'release',
    from: ['investigation'],
    to: 'same',
    stops: ['detention', 'detention_notice'],
    needsOpen: { clock: 'detention' },
  },
  { action: 'to_adjudication', from: ['investigation'], to: 'adjudication', starts: ['adjudication'] },
  { action: 'withdraw', from: ['investigation'], to: 'closed', outcome: 'withdrawn', required: ['reason'] },

  // 审理
  { action: 'decide', from: ['adjudication'], to: 'decision', required: ['sanctions'], starts: ['announcement'], sanctions: 'add' },
  { action: 'reinvestigate', from: ['adjudication'], to: 'investigation', required: ['reason'], starts: ['investigation'] },
  { action: 'supplement', from: ['adjudication'], to: 'investigation', required: ['reason'], starts: ['investigation'] },

  // 处分决定: announced within a month, execution reported within six; an appeal does not stop it
  { action: 'announce', from: ['decision'], to: 'executing', starts: ['execution_report'] },
  { action: 'report_execution', from: ['executing'], to: 'closed', outcome: 'sanction_executed' },
  { action: 'appeal', from: ['executing'], to: 'appeal', required: ['appealKind'] },
  { action: 'uphold', from: ['appeal'], to: 'executing' },
  { action: 'change', from: ['appeal'], to: 'executing', required: ['sanctions', 'reason'], sanctions: 'replace' },

  // clocks, in any open stage
  { action: 'pause', from: OPEN_STAGES, to: 'same', required: ['clock', 'reason'] },
  { action: 'resume', from: OPEN_STAGES, to: 'same', required: ['clock'] },
  { action: 'extend', from: OPEN_STAGES, to: 'same', required: ['clock', 'reason'] },
];

/** The clocks an appeal starts, by kind of appeal. */
export const APPEAL_CLOCKS = { review: 'appeal_review', re_review: 'appeal_re_review', party_appeal: 'party_appeal' } as const;

/**
 * The stages a clock belongs to: leaving them closes it. The complainant's notice belongs to
 * the whole case, and the execution report runs on through an appeal.
 */
export const CLOCK_STAGES: Record<ClockKind, readonly Stage[] | 'case'> = {
  intake_dispatch: ['intake'],
  complainant_notice: 'case',
  disposal_plan: ['dispatched'],
  inquiry_reply: ['inquiry'],
  inquiry_closure: ['inquiry'],
  shelved_review: ['shelved'],
  preliminary_check: ['preliminary_check'],
  investigation: ['investigation'],
  detention: ['investigation'],
  detention_notice: ['investigation'],
  adjudication: ['adjudication'],
  announcement: ['decision'],
  execution_report: ['executing', 'appeal'],
  appeal_review: ['appeal'],
  appeal_re_review: ['appeal'],
  party_appeal: ['appeal'],
};

const limit = (unit: ClockLimit['unit'], n: number, extension: ClockLimit['extension'] = null, maxExtensions = 0): ClockLimit => ({
  unit,
  n,
  extension,
  maxExtensions: extension ? Math.max(1, maxExtensions) : 0,
});

/** The statutory defaults; an administrator may change every one. */
export const DEFAULT_SETTINGS: WorkflowSettings = {
  yellowWorkingDays: 5,
  limits: {
    intake_dispatch: limit('working_days', 5),
    complainant_notice: limit('working_days', 15),
    disposal_plan: limit('months', 1),
    inquiry_reply: limit('working_days', 15),
    inquiry_closure: limit('months', 1),
    // the review date is chosen when shelving; this is the latest it may be set to
    shelved_review: limit('months', 6),
    preliminary_check: limit('months', 2, { unit: 'months', n: 1 }, 1),
    investigation: limit('days', 90, { unit: 'days', n: 90 }, 1),
    detention: limit('months', 3, { unit: 'months', n: 3 }, 1),
    detention_notice: limit('hours', 24),
    adjudication: limit('months', 1, { unit: 'months', n: 1 }, 1),
    announcement: limit('months', 1),
    execution_report: limit('months', 6),
    appeal_review: limit('months', 1),
    appeal_re_review: limit('months', 2),
    party_appeal: limit('months', 3),
  },
  approvers: {
    inquire: 'commission_leader',
    check: 'commission_leader',
    shelve: 'commission_leader',
    dismiss: 'commission_leader',
    investigate: 'commission_leader',
    clarify: 'commission_leader',
    first_form: 'commission_leader',
    withdraw: 'commission_leader',
    detain: 'commission_leader',
    decide: 'commission_leader',
    change: 'commission_leader',
    extend: 'commission_leader',
  },
};

/** The rows of the table for an action from a stage (one at most). */
export function transitionFor(action: Action, stage: Stage): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(stage));
}
