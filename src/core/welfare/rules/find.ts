/**
 * Runs the rules' queries and groups what they match into hits: one per rule, recipient ID,
 * program and month, with the amounts of its disbursement rows and its evidence.
 */
import type Database from 'better-sqlite3';
import { DATASETS, type Dataset, type RuleCode, type WelfareSettings } from '../../../shared/api/welfare';
import { RULES } from './index';
import type { Preparation } from './prepare';
import type { Rule } from './rule';

/** An evidence row as stored with a hit. */
export interface EvidenceKey {
  dataset: Dataset;
  batchId: string;
  row: number;
}

export interface FoundHit {
  key: string;
  rule: RuleCode;
  idNumber: string;
  name: string;
  program: string;
  period: string;
  amountFen: number;
  recoverableFen: number;
  /** as written in the first disbursement row of the hit */
  county: string | null;
  township: string;
  village: string;
  confidence: number;
  /** sorted: by dataset (disbursements first), batch, row */
  evidence: EvidenceKey[];
}

type MatchRow = [
  dId: number,
  ev1Dataset: Dataset | null,
  ev1No: number | null,
  ev1Row: number | null,
  ev2Dataset: Dataset | null,
  ev2No: number | null,
  ev2Row: number | null,
  excessFen: number | null,
  idNumber: string,
  program: string,
  period: string,
  name: string,
  amountFen: number,
  paidOn: string,
  county: string | null,
  township: string,
  village: string,
  batchNo: number,
  row: number,
];

interface PaidRow {
  id: number;
  amountFen: number;
  excessFen: number;
  paidOn: string;
}

interface Draft {
  first: MatchRow;
  paid: Map<number, PaidRow>;
  evidence: Map<string, EvidenceKey>;
}

export const hitKey = (rule: RuleCode, idNumber: string, program: string, period: string): string =>
  `${rule}|${idNumber}|${program}|${period}`;

const DATASET_ORDER = new Map(DATASETS.map((d, i) => [d, i]));

function compareEvidence(a: EvidenceKey, b: EvidenceKey): number {
  return DATASET_ORDER.get(a.dataset)! - DATASET_ORDER.get(b.dataset)! || (a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0) || a.row - b.row;
}

function recoverable(rule: Rule, paid: PaidRow[]): number {
  const total = paid.reduce((sum, p) => sum + p.amountFen, 0);
  if (rule.recoverable === 'excess') return paid.reduce((sum, p) => sum + p.excessFen, 0);
  if (rule.recoverable === 'beyondFirst') {
    const first = paid.reduce((a, b) => (b.paidOn < a.paidOn || (b.paidOn === a.paidOn && b.id < a.id) ? b : a));
    return total - first.amountFen;
  }
  return total;
}

/** The hits of one rule; `batchIds` maps the complete batches' numbers to their ids. */
function findRule(sqlite: Database.Database, rule: Rule, settings: WelfareSettings, batchIds: ReadonlyMap<number, string>): FoundHit[] {
  const statement = sqlite.prepare(`
    WITH m AS MATERIALIZED (${rule.sql})
    SELECT m.d_id, m.ev1_dataset, m.ev1_no, m.ev1_row, m.ev2_dataset, m.ev2_no, m.ev2_row, m.excess_fen,
           d.id_number, d.program, d.period, d.name, d.amount_fen, d.paid_on, d.county, d.township, d.village, d.batch_no, d.row
    FROM m
    CROSS JOIN wf_disbursements d ON d.id = m.d_id`);
  const drafts = new Map<string, Draft>();
  const addEvidence = (draft: Draft, dataset: Dataset, no: number, row: number) => {
    const ref = `${dataset}|${no}|${row}`;
    if (!draft.evidence.has(ref)) draft.evidence.set(ref, { dataset, batchId: batchIds.get(no)!, row });
  };
  for (const match of statement.raw().iterate(rule.params?.(settings) ?? {}) as IterableIterator<MatchRow>) {
    const [dId, ev1Dataset, ev1No, ev1Row, ev2Dataset, ev2No, ev2Row, excessFen, idNumber, program, period, , amountFen, paidOn, , , , batchNo, row] = match;
    const key = hitKey(rule.code, idNumber, program, period);
    let draft = drafts.get(key);
    if (!draft) drafts.set(key, (draft = { first: match, paid: new Map(), evidence: new Map() }));
    else if (dId < draft.first[0]) draft.first = match;
    if (!draft.paid.has(dId)) {
      draft.paid.set(dId, { id: dId, amountFen, excessFen: excessFen ?? 0, paidOn });
      addEvidence(draft, 'disbursements', batchNo, row);
    }
    if (ev1Dataset) addEvidence(draft, ev1Dataset, ev1No!, ev1Row!);
    if (ev2Dataset) addEvidence(draft, ev2Dataset, ev2No!, ev2Row!);
  }
  const confidence = rule.confidence(settings);
  return [...drafts].map(([key, { first, paid, evidence }]) => {
    const rows = [...paid.values()];
    return {
      key,
      rule: rule.code,
      idNumber: first[8],
      name: first[11],
      program: first[9],
      period: first[10],
      amountFen: rows.reduce((sum, p) => sum + p.amountFen, 0),
      recoverableFen: recoverable(rule, rows),
      county: first[14],
      township: first[15],
      village: first[16],
      confidence,
      evidence: [...evidence.values()].sort(compareEvidence),
    };
  });
}

/** The temporary tables `rules` join (see ./prepare). */
export function preparationsFor(rules: readonly RuleCode[]): Set<Preparation> {
  return new Set<Preparation>(rules.flatMap((code) => RULES[code].needs ?? []));
}

/** The hits of one rule, on a connection with the rule's preparations made (see ./prepare). */
export function findRuleHits(sqlite: Database.Database, code: RuleCode, settings: WelfareSettings, batchIds: ReadonlyMap<number, string>): FoundHit[] {
  return findRule(sqlite, RULES[code], settings, batchIds);
}
