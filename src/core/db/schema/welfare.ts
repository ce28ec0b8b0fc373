import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { BATCH_STATUSES, DATASETS, FINDINGS, HIT_STATUSES, RULE_CODES } from '../../../shared/api/welfare';
import { users } from './auth';
import { cases } from './cases';
import { orgUnits } from './registry';

/*
 * Welfare-fund supervision. The dataset tables (`wf_*`) hold the imported rows, normalised as
 * FORMATS.md says: a month runs to a million disbursement rows, so they are written directly in
 * chunks (not row by row through the write path) and belong to a batch by its integer `no`.
 * A batch row is written through the write path when its import completes; rows whose batch
 * never completed (a cancel, a crash) are removed, and every rule reads complete batches only.
 *
 * Conventions in every dataset table: `row` is the row in the file as the user sees it;
 * `name` is normalised and `name_raw` is the text as written when it differs; an ID number
 * column holds the cleaned text and its `*_valid` flag says whether it passed GB 11643 (an
 * invalid one is kept but never used as an exact join key); dates are YYYY-MM-DD, months
 * YYYY-MM, amounts integer fen.
 */

export const welfareBatches = sqliteTable(
  'welfare_batches',
  {
    id: text('id').primaryKey(),
    /** the dataset rows' `batch_no` */
    no: integer('no').notNull(),
    dataset: text('dataset', { enum: DATASETS }).notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    sheet: text('sheet'),
    /** JSON: field key → header as written in the file */
    mapping: text('mapping').notNull(),
    importedBy: text('imported_by')
      .notNull()
      .references(() => users.id),
    importedAt: text('imported_at').notNull(),
    rows: integer('rows').notNull(),
    accepted: integer('accepted').notNull(),
    rejected: integer('rejected').notNull(),
    status: text('status', { enum: BATCH_STATUSES }).notNull(),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnAt: text('withdrawn_at'),
  },
  (t) => [uniqueIndex('welfare_batches_no').on(t.no), index('welfare_batches_sha').on(t.dataset, t.sha256)],
);

/**
 * Imports under way, by batch number: local bookkeeping so that rows of an import that never
 * completed can be found and removed at the next start. Not synchronised.
 */
export const welfareStaging = sqliteTable('welfare_staging', {
  no: integer('no').primaryKey(),
  startedAt: text('started_at').notNull(),
  /** `<host>#<pid>` of the process importing: its rows are removed once that process is gone */
  owner: text('owner'),
});

/** Rows an import could not read, with the field and the reason (an i18n key and its values). */
export const welfareRejected = sqliteTable(
  'welfare_rejected',
  {
    id: integer('id').primaryKey(),
    batchNo: integer('batch_no').notNull(),
    row: integer('row').notNull(),
    field: text('field').notNull(),
    reasonKey: text('reason_key').notNull(),
    /** JSON object of the reason's values, or null */
    details: text('details'),
  },
  (t) => [index('welfare_rejected_batch').on(t.batchNo, t.row)],
);

/** A column mapping a user chose, remembered by dataset and header signature. */
export const welfareMappings = sqliteTable('welfare_mappings', {
  /** `<dataset>:<signature>` */
  id: text('id').primaryKey(),
  dataset: text('dataset', { enum: DATASETS }).notNull(),
  /** SHA-256 of the normalised header row */
  signature: text('signature').notNull(),
  /** JSON: field key → 0-based column */
  mapping: text('mapping').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const wfDisbursements = sqliteTable(
  'wf_disbursements',
  {
    id: integer('id').primaryKey(),
    batchNo: integer('batch_no').notNull(),
    row: integer('row').notNull(),
    program: text('program').notNull(),
    period: text('period').notNull(),
    name: text('name').notNull(),
    nameRaw: text('name_raw'),
    idNumber: text('id_number').notNull(),
    idValid: integer('id_valid', { mode: 'boolean' }).notNull(),
    householdHeadId: text('household_head_id'),
    householdHeadValid: integer('household_head_valid', { mode: 'boolean' }),
    relationToHead: text('relation_to_head'),
    county: text('county'),
    township: text('township').notNull(),
    village: text('village').notNull(),
    amountFen: integer('amount_fen').notNull(),
    paidOn: text('paid_on').notNull(),
    bankAccount: text('bank_account'),
    accountHolder: text('account_holder'),
    approverName: text('approver_name'),
    approverId: text('approver_id'),
    approverValid: integer('approver_valid', { mode: 'boolean' }),
  },
  // No index: a million ID numbers in random order cost an import most of its time (15,000
  // instead of 120,000 rows/s), while the rules read these rows in full scans and look the
  // other datasets up by their indexes.
);

export const wfDeaths = sqliteTable(
  'wf_deaths',
  {
    id: integer('id').primaryKey(),
    batchNo: integer('batch_no').notNull(),
    row: integer('row').notNull(),
    name: text('name').notNull(),
    nameRaw: text('name_raw'),
    idNumber: text('id_number').notNull(),
    idValid: integer('id_valid', { mode: 'boolean' }).notNull(),
    diedOn: text('died_on').notNull(),
    source: text('source'),
  },
  (t) => [index('wf_deaths_id').on(t.idNumber), index('wf_deaths_name').on(t.name)],
);

export const wfOfficials = sqliteTable(
  'wf_officials',
  {
    id: integer('id').primaryKey(),
    batchNo: integer('batch_no').notNull(),
    row: integer('row').notNull(),
    name: text('name').notNull(),
    nameRaw: text('name_raw'),
    idNumber: text('id_number').notNull(),
    idValid: integer('id_valid', { mode: 'boolean' }).notNull(),
    unit: text('unit').notNull(),
    position: text('position'),
    category: text('category').notNull(),
    township: text('township'),
    village: text('village'),
    startOn: text('start_on'),
    endOn: text('end_on'),
  },
  (t) => [index('wf_officials_id').on(t.idNumber)],
);

export const wfRelatives = sqliteTable(
  'wf_relatives',
  {
    id: integer('id').primaryKey(),
    batchNo: integer('batch_no').notNull(),
    row: integer('row').notNull(),
    officialId: text('official_id').notNull(),
    officialValid: integer('official_valid', { mode: 'boolean' }).notNull(),
    name: text('name').notNull(),
    nameRaw: text('name_raw'),
    idNumber: text('id_number'),
    idValid: integer('id_valid', { mode: 'boolean' }),
    relation: text('relation').notNull(),
  },
  (t) => [index('wf_relatives_id').on(t.idNumber), index('wf_relatives_official').on(t.officialId)],
);

export const wfVehicles = sqliteTable(
  'wf_vehicles',
  {
    id: integer('id').primaryKey(),
    batchNo: integer('batch_no').notNull(),
    row: integer('row').notNull(),
    ownerName: text('owner_name').notNull(),
    nameRaw: text('name_raw'),
    idNumber: text('id_number').notNull(),
    idValid: integer('id_valid', { mode: 'boolean' }).notNull(),
    plate: text('plate').notNull(),
    vehicleType: text('vehicle_type').notNull(),
    registeredOn: text('registered_on').notNull(),
    deregisteredOn: text('deregistered_on'),
  },
  (t) => [index('wf_vehicles_id').on(t.idNumber)],
);

export const wfProperties = sqliteTable(
  'wf_properties',
  {
    id: integer('id').primaryKey(),
    batchNo: integer('batch_no').notNull(),
    row: integer('row').notNull(),
    ownerName: text('owner_name').notNull(),
    nameRaw: text('name_raw'),
    idNumber: text('id_number').notNull(),
    idValid: integer('id_valid', { mode: 'boolean' }).notNull(),
    location: text('location').notNull(),
    use: text('use').notNull(),
    areaM2: real('area_m2'),
    registeredOn: text('registered_on').notNull(),
  },
  (t) => [index('wf_properties_id').on(t.idNumber)],
);

export const wfBusinesses = sqliteTable(
  'wf_businesses',
  {
    id: integer('id').primaryKey(),
    batchNo: integer('batch_no').notNull(),
    row: integer('row').notNull(),
    company: text('company').notNull(),
    creditCode: text('credit_code').notNull(),
    creditCodeValid: integer('credit_code_valid', { mode: 'boolean' }).notNull(),
    personName: text('person_name').notNull(),
    nameRaw: text('name_raw'),
    idNumber: text('id_number').notNull(),
    idValid: integer('id_valid', { mode: 'boolean' }).notNull(),
    role: text('role').notNull(),
    capitalFen: integer('capital_fen'),
    foundedOn: text('founded_on'),
    status: text('status'),
  },
  (t) => [index('wf_businesses_id').on(t.idNumber)],
);

export const wfStandards = sqliteTable('wf_standards', {
  id: integer('id').primaryKey(),
  batchNo: integer('batch_no').notNull(),
  row: integer('row').notNull(),
  program: text('program').notNull(),
  /** a county code or name as written; null = every county */
  county: text('county'),
  fromPeriod: text('from_period').notNull(),
  maxAmountFen: integer('max_amount_fen').notNull(),
});

/** One run of the comparison rules. */
export const welfareRuns = sqliteTable('welfare_runs', {
  id: text('id').primaryKey(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at').notNull(),
  by: text('by')
    .notNull()
    .references(() => users.id),
  /** JSON array of rule codes */
  rules: text('rules').notNull(),
  /** JSON array of the batch ids read */
  batchIds: text('batch_ids').notNull(),
  hits: integer('hits').notNull(),
  newHits: integer('new_hits').notNull(),
  noLongerFound: integer('no_longer_found').notNull(),
  /** JSON object rule → hits */
  byRule: text('by_rule').notNull(),
});

/**
 * A hit (疑点): one rule, one recipient ID, one program, one period. The same data gives the
 * same hits, so a later run finds the same `key` and keeps its verification.
 */
export const welfareHits = sqliteTable(
  'welfare_hits',
  {
    id: text('id').primaryKey(),
    /** `<rule>|<id number>|<program>|<period>` */
    key: text('key').notNull(),
    rule: text('rule', { enum: RULE_CODES }).notNull(),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    program: text('program').notNull(),
    period: text('period').notNull(),
    amountFen: integer('amount_fen').notNull(),
    recoverableFen: integer('recoverable_fen').notNull(),
    county: text('county'),
    countyUnitId: text('county_unit_id').references(() => orgUnits.id),
    township: text('township').notNull(),
    village: text('village').notNull(),
    confidence: real('confidence').notNull(),
    /** JSON array of { dataset, batchId, row } */
    evidence: text('evidence').notNull(),
    status: text('status', { enum: HIT_STATUSES }).notNull(),
    assignedUnitId: text('assigned_unit_id').references(() => orgUnits.id),
    caseId: text('case_id').references(() => cases.id),
    current: integer('current', { mode: 'boolean' }).notNull(),
    firstRunId: text('first_run_id').notNull(),
    lastRunId: text('last_run_id').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('welfare_hits_key').on(t.key),
    index('welfare_hits_board').on(t.current, t.rule, t.status),
    index('welfare_hits_assigned').on(t.assignedUnitId),
    index('welfare_hits_id_number').on(t.idNumber),
  ],
);

/** What happened to a hit, appended: found, assigned, each finding, handed over. */
export const welfareHitEntries = sqliteTable(
  'welfare_hit_entries',
  {
    id: text('id').primaryKey(),
    hitId: text('hit_id')
      .notNull()
      .references(() => welfareHits.id),
    kind: text('kind', { enum: ['found', 'assigned', 'finding', 'handed_over'] }).notNull(),
    at: text('at').notNull(),
    /** the account (null when the entry was made at another office: accounts stay on their node) */
    by: text('by').references(() => users.id),
    /** the username, which travels with the entry */
    actor: text('actor').notNull().default(''),
    unitId: text('unit_id').references(() => orgUnits.id),
    finding: text('finding', { enum: FINDINGS }),
    reason: text('reason'),
    recoverableFen: integer('recoverable_fen'),
    caseId: text('case_id').references(() => cases.id),
  },
  (t) => [index('welfare_hit_entries_hit').on(t.hitId, t.at)],
);

/** A document filed with a finding; the bytes live in `blobs`, shared with case documents. */
export const welfareHitDocuments = sqliteTable(
  'welfare_hit_documents',
  {
    id: text('id').primaryKey(),
    hitId: text('hit_id')
      .notNull()
      .references(() => welfareHits.id),
    entryId: text('entry_id').references(() => welfareHitEntries.id),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** as welfare_hit_entries.by and .actor */
    addedBy: text('added_by').references(() => users.id),
    addedByActor: text('added_by_actor').notNull().default(''),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('welfare_hit_documents_hit').on(t.hitId)],
);

/** The table each dataset's records go to. */
export const DATASET_TABLES = {
  disbursements: wfDisbursements,
  deaths: wfDeaths,
  officials: wfOfficials,
  relatives: wfRelatives,
  vehicles: wfVehicles,
  properties: wfProperties,
  businesses: wfBusinesses,
  standards: wfStandards,
} as const satisfies Record<(typeof DATASETS)[number], unknown>;
