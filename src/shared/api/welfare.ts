// Big-data supervision of welfare and poverty-alleviation funds: the datasets a data analyst
// imports (columns exactly as ../shared/docs/FORMATS.md defines them), the comparison rules,
// and the hits (疑点) that go to the counties for verification.
import { z } from 'zod';
import { id, optionalText, text } from './fields';
import { procedure } from './procedure';
import type { ExportedFile } from './cases';
import type { RejectedRow } from './registry';

// The datasets and their columns live apart from zod, for the import's worker thread to load fast.
export { DATASETS, DATASET_FIELDS, type Dataset, type FieldSpec } from './datasets';
import { DATASETS, type Dataset } from './datasets';

export const RULE_CODES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12'] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/**
 * new: found, not yet sent; assigned: with a county for verification; confirmed / explained /
 * data_error: the county's finding; handed_over: a confirmed hit that became a clue.
 */
export const HIT_STATUSES = ['new', 'assigned', 'confirmed', 'explained', 'data_error', 'handed_over'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

export const FINDINGS = ['confirmed', 'explained', 'data_error'] as const;
export type Finding = (typeof FINDINGS)[number];

export const BATCH_STATUSES = ['importing', 'complete', 'withdrawn'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** Provenance of one imported file. */
export interface Batch {
  id: string;
  dataset: Dataset;
  fileName: string;
  sha256: string;
  size: number;
  sheet: string | null;
  importedBy: string;
  importedByName: string;
  importedAt: string;
  /** data rows read (blank rows not counted) */
  rows: number;
  accepted: number;
  rejected: number;
  status: BatchStatus;
  withdrawnReason: string | null;
}

export interface WelfareImportReport {
  batch: Batch;
  /** the first rejected rows, in file order; `welfare.rejectedRows` gives all of them */
  rejected: RejectedRow[];
  /** the mapping used, field key → header as written in the file */
  mapping: Record<string, string>;
}

export interface FileInspection {
  format: 'csv' | 'xlsx';
  /** XLSX: the sheet names, the one read first */
  sheets: string[];
  headers: string[];
  /** field key → 0-based column; the remembered mapping for this header when there is one, else matched by name */
  mapping: Record<string, number>;
  remembered: boolean;
  /** required field keys with no column */
  missing: string[];
  /** the first data rows as written, for the mapping screen */
  sample: string[][];
  /** a complete batch of the same dataset with the same content, if any */
  duplicateOf: Batch | null;
}

export interface WelfareSettings {
  /** R2: official categories that are paid from public funds */
  officialCategories: string[];
  /** R3: the category of village and community cadres */
  cadreCategories: string[];
  /** R5: vehicle types that do not count as wealth */
  exemptVehicleTypes: string[];
  /** R6: property uses that flag at once */
  commercialPropertyUses: string[];
  /** R6: this many homes or more flag */
  minHomes: number;
  /** R7: roles that count as running a business */
  businessRoles: string[];
  /** R7: registration statuses of a business that is running */
  activeBusinessStatuses: string[];
  /** R10: one account paid for this many IDs of different households in one program and period flags */
  sharedAccountMinIds: number;
  /** R12: the confidence given to a name-and-near-ID match */
  fuzzyConfidence: number;
}

export interface EvidenceRef {
  dataset: Dataset;
  batchId: string;
  fileName: string;
  /** row in the file as the user sees it (header = row 1) */
  row: number;
}

export interface Hit {
  id: string;
  rule: RuleCode;
  idNumber: string;
  name: string;
  program: string;
  period: string;
  /** what the recipient was paid in the rows of the hit */
  amountFen: number;
  /** what would be recovered if the hit is confirmed (the excess for R8 and R9, else the amount) */
  recoverableFen: number;
  county: string | null;
  /** the county unit the hit belongs to, resolved from `county` */
  countyUnitId: string | null;
  township: string;
  village: string;
  /** 1 for an exact ID match, below 1 for a name-based match */
  confidence: number;
  status: HitStatus;
  assignedUnitId: string | null;
  assignedUnitName: string | null;
  /** false: the latest run no longer found it (data corrected or a batch withdrawn) */
  current: boolean;
  caseId: string | null;
  firstRunId: string;
  lastRunId: string;
}

export interface EvidenceRecord extends EvidenceRef {
  /** the normalised record, field key → value */
  fields: Record<string, string | number | null>;
}

export interface HitEntry {
  id: string;
  kind: 'found' | 'assigned' | 'finding' | 'handed_over';
  at: string;
  /** the account, when the entry was made at this office */
  by: string | null;
  byName: string;
  unitId: string | null;
  finding: Finding | null;
  reason: string | null;
  recoverableFen: number | null;
  caseId: string | null;
}

export interface HitDocument {
  id: string;
  fileName: string;
  size: number;
  addedAt: string;
  addedByName: string;
}

export interface HitDetail extends Hit {
  evidence: EvidenceRecord[];
  history: HitEntry[];
  documents: HitDocument[];
}

export interface RuleRun {
  id: string;
  startedAt: string;
  finishedAt: string;
  by: string;
  byName: string;
  rules: RuleCode[];
  /** the complete batches the run read */
  batchIds: string[];
  hits: number;
  newHits: number;
  /** hits of earlier runs this one did not find again */
  noLongerFound: number;
  byRule: Partial<Record<RuleCode, number>>;
  /**
   * on the run just made, when it ran R9: payments R9 could not compare, their program having
   * standards but none for their county and month (most often a county written differently in
   * the two files, with no county unit to tie them); the first 50
   */
  withoutStandard?: { program: string; county: string; period: string; payments: number }[];
}

/** The rule run going on in the core, for a window that opens (or comes back to the hits) meanwhile. */
export interface RunUnderWay {
  /** the id its progress events and its cancel name it by */
  jobId: string;
  startedAt: string;
  by: string;
  byName: string;
  /** rules compared so far */
  done: number;
  total: number;
  /** the caller's own run, which they may cancel */
  mine: boolean;
}

export const hitFilter = z.object({
  rule: z.enum(RULE_CODES).optional(),
  countyUnitId: id.optional(),
  township: z.string().trim().min(1).max(50).optional(),
  program: z.string().trim().min(1).max(50).optional(),
  status: z.enum(HIT_STATUSES).optional(),
  /** ID number prefix or name */
  query: z.string().trim().min(1).max(50).optional(),
  /** include hits the latest run no longer found */
  includeStale: z.boolean().optional(),
});
export type HitFilter = z.input<typeof hitFilter>;

export interface HitPage {
  total: number;
  rows: Hit[];
  totals: { amountFen: number; recoverableFen: number; confirmedRecoverableFen: number };
  /** counts under the other filters, for the board's selectors */
  facets: {
    rules: { value: RuleCode; count: number }[];
    counties: { value: string; name: string; count: number }[];
    townships: { value: string; count: number }[];
    programs: { value: string; count: number }[];
    statuses: { value: HitStatus; count: number }[];
  };
}

const uploadId = z.string().regex(/^[0-9A-Z]{26}$/);
/** a rule run's name chosen by its caller, for its progress events and its cancel */
const jobId = z.string().min(1).max(64);
const fileName = z.string().trim().min(1).max(255);
const sheet = z.string().trim().min(1).max(100).optional();
const dataset = z.enum(DATASETS);
const attachment = z.object({ fileName, contentBase64: z.string().max(30_000_000) });

/**
 * Files too large for one request (a month's disbursements run to 150 MB) arrive in chunks into
 * a temporary file of the caller's session; an import then reads it as a stream.
 */
export const files = {
  beginUpload: procedure<{ uploadId: string }>()({
    name: 'files.beginUpload',
    input: z.object({ fileName, size: z.number().int().min(0).max(4 * 1024 ** 3) }),
    permission: 'session',
    mutates: false,
  }),
  appendUpload: procedure<{ received: number }>()({
    name: 'files.appendUpload',
    input: z.object({ uploadId, offset: z.number().int().min(0), chunkBase64: z.string().max(12_000_000) }),
    permission: 'session',
    mutates: false,
  }),
  finishUpload: procedure<{ uploadId: string; size: number; sha256: string }>()({
    name: 'files.finishUpload',
    input: z.object({ uploadId }),
    permission: 'session',
    mutates: false,
  }),
  discardUpload: procedure<{ discarded: boolean }>()({
    name: 'files.discardUpload',
    input: z.object({ uploadId }),
    permission: 'session',
    mutates: false,
  }),
};

export const welfare = {
  inspectFile: procedure<FileInspection>()({
    name: 'welfare.inspectFile',
    input: z.object({ uploadId, dataset, sheet }),
    permission: 'welfare.import',
    mutates: false,
  }),
  /**
   * Streams the uploaded file into a new batch; emits `import.progressed` with `jobId` = the
   * upload id. `mapping` (field key → 0-based column) overrides the automatic one and is
   * remembered for the next file with the same header.
   */
  import: procedure<WelfareImportReport>()({
    name: 'welfare.import',
    input: z.object({
      uploadId,
      dataset,
      sheet,
      mapping: z.record(z.string().max(40), z.number().int().min(0).max(500)).optional(),
    }),
    permission: 'welfare.import',
    mutates: true,
  }),
  cancelImport: procedure<{ cancelled: boolean }>()({
    name: 'welfare.cancelImport',
    input: z.object({ uploadId }),
    permission: 'welfare.import',
    mutates: false,
  }),
  batches: procedure<Batch[]>()({
    name: 'welfare.batches',
    input: z.object({ dataset: dataset.optional() }),
    permission: 'welfare.read',
    mutates: false,
  }),
  rejectedRows: procedure<RejectedRow[]>()({
    name: 'welfare.rejectedRows',
    input: z.object({ batchId: id }),
    permission: 'welfare.read',
    mutates: false,
  }),
  /** Takes a batch out of every later rule run (a wrong or superseded file); its rows stay for the record. */
  withdrawBatch: procedure<Batch>()({
    name: 'welfare.withdrawBatch',
    input: z.object({ batchId: id, reason: text(500) }),
    permission: 'welfare.import',
    mutates: true,
  }),
  /**
   * Runs the rules over every complete batch; emits `welfare.rulesProgressed` with `jobId` (a new
   * id when none is given) at the start and after each rule.
   */
  runRules: procedure<RuleRun>()({
    name: 'welfare.runRules',
    input: z.object({ rules: z.array(z.enum(RULE_CODES)).min(1).optional(), jobId: jobId.optional() }),
    permission: 'welfare.analyse',
    mutates: true,
  }),
  /** Stops the caller's own rule run of that job id before it stores anything; false when there is none. */
  cancelRun: procedure<{ cancelled: boolean }>()({
    name: 'welfare.cancelRun',
    input: z.object({ jobId }),
    permission: 'welfare.analyse',
    mutates: false,
  }),
  /** The rule run going on, whoever started it; null when none is. */
  runUnderWay: procedure<RunUnderWay | null>()({
    name: 'welfare.runUnderWay',
    input: z.object({}),
    permission: 'welfare.read',
    mutates: false,
  }),
  runs: procedure<RuleRun[]>()({
    name: 'welfare.runs',
    input: z.object({}),
    permission: 'welfare.read',
    mutates: false,
  }),
  hits: procedure<HitPage>()({
    name: 'welfare.hits',
    input: hitFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    permission: 'welfare.read',
    mutates: false,
  }),
  getHit: procedure<HitDetail>()({
    name: 'welfare.getHit',
    input: z.object({ id }),
    permission: 'welfare.read',
    mutates: false,
  }),
  /** Sends hits to a county unit for verification (again, to another one, if need be). */
  assign: procedure<{ assigned: number }>()({
    name: 'welfare.assign',
    input: z.object({ hitIds: z.array(id).min(1).max(10_000), unitId: id }),
    permission: 'welfare.analyse',
    mutates: true,
  }),
  /** The county's finding; recorded again, it replaces the earlier one, which stays in the history. */
  recordFinding: procedure<HitDetail>()({
    name: 'welfare.recordFinding',
    input: z.object({
      hitId: id,
      finding: z.enum(FINDINGS),
      reason: optionalText(2000),
      /** confirmed only: what is to be recovered, when it differs from the computed amount */
      recoverableFen: z.number().int().min(0).optional(),
      documents: z.array(attachment).max(20).default([]),
    }),
    permission: 'welfare.verify',
    mutates: true,
  }),
  getDocument: procedure<ExportedFile>()({
    name: 'welfare.getDocument',
    input: z.object({ hitId: id, documentId: id }),
    permission: 'welfare.read',
    mutates: false,
  }),
  /**
   * Turns the recipient's confirmed hits into one clue (source: big-data hit), the evidence
   * attached; the hits become handed_over.
   */
  handOver: procedure<{ caseId: string; hitIds: string[] }>()({
    name: 'welfare.handOver',
    input: z.object({ hitId: id }),
    permission: 'welfare.verify',
    mutates: true,
  }),
  exportBoard: procedure<ExportedFile>()({
    name: 'welfare.exportBoard',
    input: hitFilter,
    permission: 'welfare.read',
    mutates: false,
  }),
  /** The hits assigned to one county, as the list it works through. */
  exportCountyList: procedure<ExportedFile>()({
    name: 'welfare.exportCountyList',
    input: z.object({ unitId: id }),
    permission: 'welfare.read',
    mutates: false,
  }),
  exportSummary: procedure<ExportedFile>()({
    name: 'welfare.exportSummary',
    input: z.object({}),
    permission: 'welfare.read',
    mutates: false,
  }),
  settings: procedure<WelfareSettings>()({
    name: 'welfare.settings',
    input: z.object({}),
    permission: 'welfare.read',
    mutates: false,
  }),
  updateSettings: procedure<WelfareSettings>()({
    name: 'welfare.updateSettings',
    input: z.object({
      officialCategories: z.array(text(30)).min(1).max(20),
      cadreCategories: z.array(text(30)).min(1).max(20),
      exemptVehicleTypes: z.array(text(30)).max(50),
      commercialPropertyUses: z.array(text(30)).max(20),
      minHomes: z.number().int().min(2).max(20),
      businessRoles: z.array(text(30)).min(1).max(10),
      activeBusinessStatuses: z.array(text(30)).min(1).max(10),
      sharedAccountMinIds: z.number().int().min(2).max(100),
      fuzzyConfidence: z.number().gt(0).lt(1),
    }),
    permission: 'welfare.configure',
    mutates: true,
  }),
};
