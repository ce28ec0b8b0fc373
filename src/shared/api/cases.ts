// The clue and case workflow as the UI and the CLI see it. The workflow itself (which action
// leads where, who approves, which clock it starts) is a declarative table in the core
// (src/core/cases/workflow.ts); the vocabulary it speaks is here, shared by both sides.
import { z } from 'zod';
import { id, isoDate, optionalText, text } from './fields';
import { procedure } from './procedure';
import { ROLE_CODES, type RoleCode } from './permissions';

export const CLUE_SOURCES = ['letters_visits', 'inspection_handover', 'audit', 'other_agency', 'big_data', 'self_found'] as const;
export type ClueSource = (typeof CLUE_SOURCES)[number];

/** Where a clue or case stands; `closed` carries an outcome. */
export const STAGES = [
  'intake',
  'dispatched',
  'inquiry',
  'preliminary_check',
  'shelved',
  'investigation',
  'adjudication',
  'decision',
  'executing',
  'appeal',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

export const OUTCOMES = [
  'not_accepted',
  'reported_up',
  'transferred_down',
  'dismissed',
  'clarified',
  'first_form',
  'transferred',
  'withdrawn',
  'sanction_executed',
  'merged',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Everything an officer can do to a case; each is a row (or a few) of the workflow table. */
export const ACTIONS = [
  // intake
  'dispatch',
  'report_up',
  'transfer_down',
  'not_accept',
  'notify_complainant',
  // disposal, from dispatch or from an outcome
  'inquire',
  'check',
  'shelve',
  'dismiss',
  'investigate',
  // inquiry
  'record_reply',
  'clarify',
  'first_form',
  // preliminary check
  'transfer',
  // investigation
  'detain',
  'notify_family',
  'release',
  'to_adjudication',
  'withdraw',
  // adjudication
  'decide',
  'reinvestigate',
  'supplement',
  // decision and after
  'announce',
  'report_execution',
  'appeal',
  'uphold',
  'change',
  // clocks, in any open stage
  'pause',
  'resume',
  'extend',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The clocks the workflow starts; each has an editable limit in the workflow settings. */
export const CLOCK_KINDS = [
  'intake_dispatch',
  'complainant_notice',
  'disposal_plan',
  'inquiry_reply',
  'inquiry_closure',
  'shelved_review',
  'preliminary_check',
  'investigation',
  'detention',
  'detention_notice',
  'adjudication',
  'announcement',
  'execution_report',
  'appeal_review',
  'appeal_re_review',
  'party_appeal',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/**
 * red: overdue; yellow: due within the warning window; open: running; unknown: its due date
 * falls in a year the holiday calendar does not know yet (an administrator must add it);
 * green: closed in time; late: closed after its due date.
 */
export const LIGHTS = ['red', 'yellow', 'unknown', 'open', 'green', 'late'] as const;
export type Light = (typeof LIGHTS)[number];

export const FIRST_FORM_MEASURES = ['talk_reminder', 'criticism', 'ordered_review', 'admonishment'] as const;
export type FirstFormMeasure = (typeof FIRST_FORM_MEASURES)[number];

export const SANCTION_KINDS = [
  'party_warning',
  'party_serious_warning',
  'party_post_removal',
  'party_probation',
  'party_expulsion',
  'admin_warning',
  'admin_demerit',
  'admin_major_demerit',
  'admin_demotion',
  'admin_dismissal',
  'admin_discharge',
  'accountability',
  'prosecution_referral',
] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/**
 * How long a sanction weighs on the integrity file, in months from the decision (null: it has
 * no period, or lasts for good). Party probation is taken at its longer term of two years.
 */
export const SANCTION_PERIOD_MONTHS: Record<SanctionKind, number | null> = {
  party_warning: 12,
  party_serious_warning: 18,
  party_post_removal: 24,
  party_probation: 24,
  party_expulsion: 60,
  admin_warning: 6,
  admin_demerit: 12,
  admin_major_demerit: 18,
  admin_demotion: 24,
  admin_dismissal: 24,
  admin_discharge: null,
  accountability: null,
  prosecution_referral: null,
};

export const APPEAL_KINDS = ['review', 're_review', 'party_appeal'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

/** The fields an action may ask for; the workflow says which are required. */
export const ACTION_FIELDS = [
  'reason',
  'departmentId',
  'targetUnitId',
  'recipient',
  'reviewDate',
  'measure',
  'sanctions',
  'appealKind',
  'clock',
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

/** hours: counted on the clock, never moved off a rest day (the 24-hour family notice of 留置) */
export const LIMIT_UNITS = ['working_days', 'days', 'months', 'hours'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export interface Limit {
  unit: LimitUnit;
  n: number;
}

export interface ClockLimit extends Limit {
  /** what one extension adds; null: the clock cannot be extended */
  extension: Limit | null;
  /** how many extensions are allowed */
  maxExtensions: number;
}

/** Local rules differ: every limit and approver is a setting, with the statutory defaults. */
export interface WorkflowSettings {
  /** a clock turns yellow this many working days before it is due */
  yellowWorkingDays: number;
  limits: Record<ClockKind, ClockLimit>;
  /** the role whose members approve an action; an action not listed needs no approval */
  approvers: Partial<Record<Action, RoleCode>>;
}

export interface CaseSubject {
  id: string;
  personId: string | null;
  name: string;
  idNumber: string | null;
  unitId: string | null;
  unitName: string | null;
  position: string | null;
}

export interface CaseSummary {
  id: string;
  /** the register number, unit code / year / sequence: 530721-2026-00042 */
  number: string;
  title: string;
  source: ClueSource;
  receivedDate: string;
  unitId: string;
  unitName: string;
  departmentId: string | null;
  departmentName: string | null;
  stage: Stage;
  outcome: Outcome | null;
  /** the subjects' names, joined with 、 */
  subjectNames: string;
  /** the earliest due date of the open, running clocks */
  nextDue: string | null;
  /** the most urgent light of its open clocks (red, yellow, unknown, open), null with none */
  light: Light | null;
  awaitingApproval: boolean;
  /** the number of events; an action names the version it saw, a stale one is refused */
  version: number;
  updatedAt: string;
}

export interface DueChange {
  due: string | null;
  date: string;
  reason: 'start' | 'extension' | 'resume';
}

export interface CaseClock {
  kind: ClockKind;
  startDate: string;
  /** null while the calendar lacks a year the deadline runs into (`unknownYear`) */
  due: string | null;
  unknownYear: number | null;
  closedDate: string | null;
  pausedSince: string | null;
  pauseReason: string | null;
  extensions: number;
  light: Light;
  /** every due date the clock has had, oldest first */
  history: DueChange[];
}

export interface ApprovalStep {
  by: string;
  byName: string;
  at: string;
  approved: boolean;
  comment: string | null;
}

export interface ActionFields {
  reason?: string | null;
  departmentId?: string | null;
  targetUnitId?: string | null;
  recipient?: string | null;
  reviewDate?: string | null;
  measure?: FirstFormMeasure | null;
  sanctions?: { subjectId: string; kind: SanctionKind }[] | null;
  appealKind?: AppealKind | null;
  clock?: ClockKind | null;
}

export interface CaseEvent {
  id: string;
  seq: number;
  kind: 'opened' | 'acted' | 'proposed' | 'rejected' | 'undone' | 'acknowledged' | 'merged';
  action: Action | null;
  fromStage: Stage | null;
  toStage: Stage | null;
  /** the business date the event takes effect (clocks run from it) */
  date: string;
  at: string;
  actor: string;
  actorName: string;
  /** the office it was recorded at, when another than this one (it arrived by sync) */
  office: string | null;
  fields: ActionFields;
  approvals: ApprovalStep[];
  /** an undo names the event it takes back; an undone event stays in the history */
  undoes: string | null;
  undoneBy: string | null;
  /** documents filed with this step */
  attachments: { id: string; fileName: string }[];
}

export interface CaseDocument {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  /** the step it was filed with, if any */
  eventId: string | null;
  addedBy: string;
  addedAt: string;
}

export interface ActionOption {
  action: Action;
  to: Stage;
  required: ActionField[];
  /** the role that must approve it, null when it applies at once */
  approver: RoleCode | null;
  /** for clock actions: the clocks it may apply to */
  clocks: ClockKind[];
}

export interface Proposal {
  eventId: string;
  action: Action;
  fields: ActionFields;
  date: string;
  proposedBy: string;
  proposedByName: string;
  approver: RoleCode;
}

export interface DualReport {
  id: string;
  kind: 'disposal' | 'investigation';
  recipient: 'party_committee' | 'commission_above';
  createdDate: string;
  acknowledgedDate: string | null;
  acknowledgedBy: string | null;
}

export interface Sanction {
  id: string;
  subjectId: string;
  subjectName: string;
  kind: SanctionKind;
  decidedDate: string;
  /** the end of its weight on the integrity file, null without a period */
  effectiveUntil: string | null;
  /** a sanction changed on appeal is superseded, never deleted */
  superseded: boolean;
}

export interface DuplicateMatch {
  case: CaseSummary;
  /** why it looks like the same person: the ID number, or the name in the same unit */
  reason: 'id_number' | 'name_unit';
  subjectName: string;
}

export interface CaseDetail extends CaseSummary {
  summary: string;
  complainant: { named: boolean; name: string | null; contact: string | null };
  subjects: CaseSubject[];
  events: CaseEvent[];
  clocks: CaseClock[];
  nextActions: ActionOption[];
  pendingProposal: Proposal | null;
  /** the caller may approve or reject the pending proposal */
  canDecide: boolean;
  /** the caller may undo the latest event */
  canUndo: boolean;
  reports: DualReport[];
  sanctions: Sanction[];
  documents: CaseDocument[];
  duplicates: DuplicateMatch[];
  mergedInto: { id: string; number: string } | null;
  /**
   * other cases (that the caller may see) holding this number: two offices numbered them while
   * apart, and the unit's numbering office gives all but the first a new one
   */
  sharedNumber: { id: string; number: string }[];
  /**
   * moves made at two offices at once, both in effect (ids of events, oldest first): the case
   * is moved again once one is kept (cases.resolveConflict)
   */
  conflict: { eventIds: string[] } | null;
}

export interface BoardRow {
  caseId: string;
  number: string;
  title: string;
  stage: Stage;
  unitName: string;
  departmentName: string | null;
  clock: ClockKind;
  due: string;
  light: 'red' | 'yellow';
  /** red: working days past due; yellow: working days left */
  workingDays: number;
}

export interface Board {
  today: string;
  /** the most urgent first: red by how long overdue, then yellow by how soon due; at most `limit` */
  rows: BoardRow[];
  /** every red and yellow clock, shown or not */
  counts: { red: number; yellow: number };
  /** open clocks whose due date the calendar cannot give yet, and the years it lacks */
  unknown: { count: number; years: number[] };
}

export interface AlertCounts {
  red: number;
  yellow: number;
  unknown: number;
  awaitingMyApproval: number;
}

export interface InboxItem {
  case: CaseSummary;
  proposal: Proposal;
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface CaseStatistics {
  from: string | null;
  to: string | null;
  bySource: CountRow[];
  byStage: CountRow[];
  byDisposal: CountRow[];
  byUnit: CountRow[];
  byMonth: CountRow[];
  sanctionsByKind: CountRow[];
  /** investigations opened (立案) in the period, not undone */
  casesOpened: number;
}

export interface ExportedFile {
  fileName: string;
  contentBase64: string;
}

export const subjectInput = z.object({
  personId: id.nullish().transform((v) => v ?? null),
  name: text(50),
  idNumber: optionalText(30),
  unitId: id.nullish().transform((v) => v ?? null),
  position: optionalText(100),
});
export type SubjectInput = z.input<typeof subjectInput>;

export const intakeInput = z.object({
  title: text(200),
  source: z.enum(CLUE_SOURCES),
  receivedDate: isoDate,
  /** the unit that owns the clue (the commission or a county office); scope is checked */
  unitId: id,
  summary: z.string().trim().max(5000).default(''),
  complainant: z
    .object({ named: z.boolean(), name: optionalText(50), contact: optionalText(100) })
    .default({ named: false, name: null, contact: null }),
  subjects: z.array(subjectInput).min(1).max(20),
});
export type IntakeInput = z.input<typeof intakeInput>;

export const actionFields = z.object({
  reason: optionalText(2000),
  departmentId: id.nullish(),
  targetUnitId: id.nullish(),
  recipient: optionalText(200),
  reviewDate: isoDate.nullish(),
  measure: z.enum(FIRST_FORM_MEASURES).nullish(),
  sanctions: z
    .array(z.object({ subjectId: id, kind: z.enum(SANCTION_KINDS) }))
    .min(1)
    .max(40)
    .nullish(),
  appealKind: z.enum(APPEAL_KINDS).nullish(),
  clock: z.enum(CLOCK_KINDS).nullish(),
});

const limit = z.object({ unit: z.enum(LIMIT_UNITS), n: z.number().int().min(1).max(1000) });
export const workflowSettingsInput = z.object({
  yellowWorkingDays: z.number().int().min(0).max(60),
  limits: z.record(
    z.enum(CLOCK_KINDS),
    limit.extend({ extension: limit.nullable(), maxExtensions: z.number().int().min(0).max(10) }),
  ),
  approvers: z.partialRecord(z.enum(ACTIONS), z.enum(ROLE_CODES)),
});

/** A file as the UI sends it: up to 20 MB. */
export const fileInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(28_000_000),
});

const listSorts = ['receivedDate', 'number', 'nextDue', 'updatedAt', 'stage'] as const;
export type CaseSort = (typeof listSorts)[number];

export const caseListInput = z
  .object({
    /** a subject's name, pinyin initials, an ID number or its start, the register number or the title */
    query: z.string().trim().max(50).default(''),
    stage: z.enum(STAGES).nullish(),
    source: z.enum(CLUE_SOURCES).nullish(),
    light: z.enum(['red', 'yellow']).nullish(),
    unitId: id.nullish(),
    departmentId: id.nullish(),
    /** the clues about one person of the registry (for the person's page) */
    personId: id.nullish(),
    sort: z.enum(listSorts).default('receivedDate'),
    descending: z.boolean().default(true),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .default({ query: '', sort: 'receivedDate', descending: true, limit: 100, offset: 0 });

const boardFilter = z
  .object({
    departmentId: id.nullish(),
    countyId: id.nullish(),
    stage: z.enum(STAGES).nullish(),
    /** the board shows the most urgent rows first, this many at most (the digest has them all) */
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .default({ limit: 500 });

export const cases = {
  list: procedure<{ rows: CaseSummary[]; total: number }>()({
    name: 'cases.list',
    input: caseListInput,
    permission: 'cases.read',
    mutates: false,
  }),
  get: procedure<CaseDetail>()({
    name: 'cases.get',
    input: z.object({ id }),
    permission: 'cases.read',
    mutates: false,
  }),
  /** possible duplicates of the subjects of a clue being registered (or of a registered one) */
  duplicates: procedure<DuplicateMatch[]>()({
    name: 'cases.duplicates',
    input: z.object({ subjects: z.array(subjectInput).max(20), excludeId: id.nullish() }),
    permission: 'cases.read',
    mutates: false,
  }),
  intake: procedure<CaseDetail>()({
    name: 'cases.intake',
    input: intakeInput,
    permission: 'cases.intake',
    mutates: true,
  }),
  /** proposes or applies an action; one needing approval waits in the approver's inbox */
  act: procedure<CaseDetail>()({
    name: 'cases.act',
    input: z.object({
      caseId: id,
      /** the version the officer saw: someone else's action in between is a conflict */
      version: z.number().int().min(0),
      action: z.enum(ACTIONS),
      /** the date it takes effect; today when omitted */
      date: isoDate.nullish(),
      fields: actionFields.default({ reason: null, recipient: null }),
      /** documents filed with the step (a letter, a report, a decision) */
      attachments: z.array(fileInput).max(10).default([]),
    }),
    permission: 'cases.handle',
    mutates: true,
  }),
  decide: procedure<CaseDetail>()({
    name: 'cases.decide',
    input: z.object({
      caseId: id,
      version: z.number().int().min(0),
      approve: z.boolean(),
      comment: optionalText(2000),
    }),
    permission: 'cases.approve',
    mutates: true,
  }),
  /** takes the latest event back with a compensating event; nothing is deleted */
  undo: procedure<CaseDetail>()({
    name: 'cases.undo',
    input: z.object({ caseId: id, version: z.number().int().min(0), reason: text(2000) }),
    permission: 'cases.handle',
    mutates: true,
  }),
  /** settles moves made at two offices at once: the one kept stands, the others are undone */
  resolveConflict: procedure<CaseDetail>()({
    name: 'cases.resolveConflict',
    input: z.object({ caseId: id, version: z.number().int().min(0), keep: id, reason: text(2000) }),
    permission: 'cases.handle',
    mutates: true,
  }),
  merge: procedure<CaseDetail>()({
    name: 'cases.merge',
    input: z.object({ duplicateId: id, intoId: id, reason: optionalText(2000) }),
    permission: 'cases.intake',
    mutates: true,
  }),
  acknowledgeReport: procedure<CaseDetail>()({
    name: 'cases.acknowledgeReport',
    input: z.object({ caseId: id, reportId: id, date: isoDate.nullish() }),
    permission: 'cases.handle',
    mutates: true,
  }),
  /** files a document with the case (its bytes stay inside the encrypted database) */
  attach: procedure<CaseDetail>()({
    name: 'cases.attach',
    input: fileInput.extend({ caseId: id }),
    permission: 'cases.handle',
    mutates: true,
  }),
  /** a document's bytes; reading it is audited */
  document: procedure<ExportedFile>()({
    name: 'cases.document',
    input: z.object({ id }),
    permission: 'cases.read',
    mutates: false,
  }),
  inbox: procedure<InboxItem[]>()({
    name: 'cases.inbox',
    input: z.object({}).default({}),
    permission: 'cases.approve',
    mutates: false,
  }),
  board: procedure<Board>()({
    name: 'cases.board',
    input: boardFilter,
    permission: 'cases.read',
    mutates: false,
  }),
  alertCounts: procedure<AlertCounts>()({
    name: 'cases.alertCounts',
    input: z.object({}).default({}),
    permission: 'cases.read',
    mutates: false,
  }),
  statistics: procedure<CaseStatistics>()({
    name: 'cases.statistics',
    input: z.object({ from: isoDate.nullish(), to: isoDate.nullish() }).default({}),
    permission: 'cases.read',
    mutates: false,
  }),
  /** the statistics as an XLSX workbook; the export is audited */
  exportStatistics: procedure<ExportedFile>()({
    name: 'cases.exportStatistics',
    input: z.object({ from: isoDate.nullish(), to: isoDate.nullish() }).default({}),
    permission: 'cases.read',
    mutates: false,
  }),
  /** the weekly digest: the red and yellow clocks in the caller's scope, as XLSX */
  exportDigest: procedure<ExportedFile>()({
    name: 'cases.exportDigest',
    input: boardFilter,
    permission: 'cases.read',
    mutates: false,
  }),
  settings: procedure<WorkflowSettings>()({
    name: 'cases.settings',
    input: z.object({}).default({}),
    permission: 'cases.read',
    mutates: false,
  }),
  updateSettings: procedure<WorkflowSettings>()({
    name: 'cases.updateSettings',
    input: workflowSettingsInput,
    permission: 'cases.configure',
    mutates: true,
  }),
};

export interface CalendarYear {
  year: number;
  /** built in (from chinese-days) or entered by an administrator */
  origin: 'builtin' | 'custom';
  holidays: string[];
  workdays: string[];
  updatedAt: string | null;
}

export const calendar = {
  years: procedure<{ years: CalendarYear[]; firstYear: number; lastYear: number }>()({
    name: 'calendar.years',
    input: z.object({}).default({}),
    permission: 'cases.read',
    mutates: false,
  }),
  /** adds a year the built-in table lacks, or corrects one; weekends need not be listed */
  putYear: procedure<CalendarYear>()({
    name: 'calendar.putYear',
    input: z.object({
      year: z.number().int().min(2000).max(2100),
      holidays: z.array(isoDate).min(1).max(60),
      workdays: z.array(isoDate).max(30),
    }),
    permission: 'cases.configure',
    mutates: true,
  }),
  /** drops an administrator's entry for a year; the built-in table (if any) applies again */
  removeYear: procedure<{ removed: boolean }>()({
    name: 'calendar.removeYear',
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    permission: 'cases.configure',
    mutates: true,
  }),
  due: procedure<{ due: string }>()({
    name: 'calendar.due',
    input: z.object({
      from: isoDate,
      unit: z.enum(LIMIT_UNITS),
      n: z.number().int().min(0).max(10000),
    }),
    permission: 'session',
    mutates: false,
  }),
};
