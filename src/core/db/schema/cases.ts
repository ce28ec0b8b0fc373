import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CLOCK_KINDS, CLUE_SOURCES, OUTCOMES, STAGES } from '../../../shared/api/cases';
import { orgUnits, people } from './registry';
import { users } from './auth';

/**
 * A clue as registered at intake. What happens to it afterwards is not stored here: it is the
 * case's events (`case_events`), from which `case_state`, `case_clocks`, `case_reports` and
 * `case_sanctions` are derived.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    source: text('source', { enum: CLUE_SOURCES }).notNull(),
    receivedDate: text('received_date').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    summary: text('summary').notNull(),
    complainantNamed: integer('complainant_named', { mode: 'boolean' }).notNull(),
    complainantName: text('complainant_name'),
    complainantContact: text('complainant_contact'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // not unique: two offices may number a unit's cases at once (cases/numbering.ts resolves it)
    index('cases_number').on(t.number),
    index('cases_unit').on(t.unitId),
    index('cases_received').on(t.receivedDate, t.id),
  ],
);

/** A person a clue is about; linked to the registry when they are in it. */
export const caseSubjects = sqliteTable(
  'case_subjects',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    personId: text('person_id').references(() => people.id),
    name: text('name').notNull(),
    nameInitials: text('name_initials').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    idNumber: text('id_number'),
    unitId: text('unit_id').references(() => orgUnits.id),
    position: text('position'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('case_subjects_case').on(t.caseId),
    index('case_subjects_id_number').on(t.idNumber),
    index('case_subjects_name_unit').on(t.name, t.unitId),
    index('case_subjects_initials').on(t.nameInitials),
    index('case_subjects_pinyin').on(t.namePinyin),
  ],
);

/**
 * The history of a case, append-only (triggers refuse UPDATE and DELETE). Each event carries
 * its effects (stage, clocks with their computed due dates, reports, sanctions), so that
 * replaying the events gives the same state whatever the settings or calendar are today.
 */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    action: text('action'),
    fromStage: text('from_stage', { enum: STAGES }),
    toStage: text('to_stage', { enum: STAGES }),
    /** the business date it takes effect */
    date: text('date').notNull(),
    at: text('at').notNull(),
    userId: text('user_id').references(() => users.id),
    actor: text('actor').notNull(),
    /** JSON: the action's fields */
    fields: text('fields').notNull(),
    /** JSON: the approval chain */
    approvals: text('approvals').notNull(),
    /** JSON: what the event does to the derived state */
    effects: text('effects').notNull(),
    /** for an undo or a decision on a proposal: the event it refers to */
    refersTo: text('refers_to'),
    /**
     * JSON: the ids of the case's latest events (those nothing else followed yet) on the node
     * that wrote this one; null for events written before offices synced. Two events neither of
     * which follows the other were made concurrently, at two offices (cases/conflicts.ts).
     */
    after: text('after'),
  },
  (t) => [
    // not unique: two offices moving a case at once each write the next seq
    index('case_events_seq').on(t.caseId, t.seq),
    index('case_events_refers_to').on(t.refersTo),
    // statistics count steps by kind and action without reading the events' JSON
    index('case_events_kind_action').on(t.kind, t.action, t.date, t.caseId, t.id),
  ],
);

// ---- derived from the events; rebuilt for a case whenever it gets one ----

export const caseState = sqliteTable(
  'case_state',
  {
    caseId: text('case_id')
      .primaryKey()
      .references(() => cases.id),
    stage: text('stage', { enum: STAGES }).notNull(),
    outcome: text('outcome', { enum: OUTCOMES }),
    departmentId: text('department_id').references(() => orgUnits.id),
    nextDue: text('next_due'),
    awaitingApproval: integer('awaiting_approval', { mode: 'boolean' }).notNull(),
    /** the role whose members may decide the pending proposal */
    approverRole: text('approver_role'),
    mergedInto: text('merged_into'),
    version: integer('version').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('case_state_stage').on(t.stage),
    index('case_state_next_due').on(t.nextDue, t.caseId),
    index('case_state_department').on(t.departmentId),
    index('case_state_approver').on(t.approverRole),
  ],
);

export const caseClocks = sqliteTable(
  'case_clocks',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: CLOCK_KINDS }).notNull(),
    startDate: text('start_date').notNull(),
    /** null while the calendar lacks `unknown_year` */
    due: text('due'),
    unknownYear: integer('unknown_year'),
    closedDate: text('closed_date'),
    pausedSince: text('paused_since'),
    pauseReason: text('pause_reason'),
    extensions: integer('extensions').notNull(),
    /** JSON: every due date it has had */
    history: text('history').notNull(),
  },
  (t) => [
    index('case_clocks_case').on(t.caseId),
    // the deadline board reads every open clock: this index holds all it needs
    index('case_clocks_open_cover')
      .on(t.caseId, t.kind, t.due, t.unknownYear, t.pausedSince)
      .where(sql`${t.closedDate} IS NULL`),
  ],
);

export const caseReports = sqliteTable(
  'case_reports',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: ['disposal', 'investigation'] }).notNull(),
    recipient: text('recipient', { enum: ['party_committee', 'commission_above'] }).notNull(),
    createdDate: text('created_date').notNull(),
    acknowledgedDate: text('acknowledged_date'),
    acknowledgedBy: text('acknowledged_by'),
  },
  (t) => [index('case_reports_case').on(t.caseId)],
);

export const caseSanctions = sqliteTable(
  'case_sanctions',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    subjectId: text('subject_id')
      .notNull()
      .references(() => caseSubjects.id),
    personId: text('person_id').references(() => people.id),
    kind: text('kind').notNull(),
    decidedDate: text('decided_date').notNull(),
    effectiveUntil: text('effective_until'),
    superseded: integer('superseded', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('case_sanctions_case').on(t.caseId), index('case_sanctions_person').on(t.personId)],
);

/** Administrator settings as JSON documents under a key (`workflow`). */
export const settings = sqliteTable('settings', {
  id: text('id').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** A year of holidays and make-up working days entered or corrected by an administrator. */
export const calendarYears = sqliteTable(
  'calendar_years',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    /** JSON arrays of YYYY-MM-DD */
    holidays: text('holidays').notNull(),
    workdays: text('workdays').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('calendar_years_year').on(t.year)],
);

/** A document filed with a case, optionally with one of its steps; the bytes live in `blobs`. */
export const caseDocuments = sqliteTable(
  'case_documents',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    eventId: text('event_id').references(() => caseEvents.id),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('case_documents_case').on(t.caseId)],
);

/**
 * File contents by SHA-256, written once and never changed. Kept out of the change log (the
 * row naming a blob travels there; sync ships the blob beside it), so that a 20 MB scan is not
 * stored twice.
 */
export const blobs = sqliteTable('blobs', {
  sha256: text('sha256').primaryKey(),
  content: blob('content', { mode: 'buffer' }).notNull(),
  size: integer('size').notNull(),
});
