/**
 * What a comparison rule is: a set-based SQL query over the dataset tables that names the
 * disbursement rows it flags and the registry rows it matched them with. The run
 * (../check.ts) groups those rows into hits, one per recipient, program and period.
 */
import type { Dataset, RuleCode, WelfareSettings } from '../../../shared/api/welfare';
import type { Preparation } from './prepare';

/** How much of a hit would be recovered if it is confirmed. */
export type Recoverable =
  /** everything paid in the rows of the hit */
  | 'amount'
  /** what was paid beyond the first payment (R8) */
  | 'beyondFirst'
  /** the rows' `excess_fen`, what was paid above the standard (R9) */
  | 'excess';

export interface Rule {
  code: RuleCode;
  /**
   * Selects one row per match, with the columns matchColumns lists: `d_id` the
   * disbursement row flagged, then up to two evidence rows (`ev1_*`, `ev2_*`: dataset, batch
   * number, row in the file; NULL when none) and `excess_fen` (NULL unless R9). Reads only rows
   * of complete batches. Named parameters come from `params`.
   */
  sql: string;
  params?: (settings: WelfareSettings) => Record<string, string | number>;
  /** the temporary tables or SQL functions the query uses */
  needs?: readonly Preparation[];
  recoverable: Recoverable;
  /** 1 for an exact ID match; below 1 when the match rests on a name */
  confidence: (settings: WelfareSettings) => number;
}

/** The select list of a match: the disbursement row's id and up to two evidence tables' aliases (of an outer join, maybe NULL). */
export function matchColumns(dId: string, ev1?: [Dataset, string], ev2?: [Dataset, string], excess = 'NULL'): string {
  const ev = (e: [Dataset, string] | undefined, n: 1 | 2) =>
    e
      ? `CASE WHEN ${e[1]}.row IS NOT NULL THEN '${e[0]}' END AS ev${n}_dataset, ${e[1]}.batch_no AS ev${n}_no, ${e[1]}.row AS ev${n}_row`
      : `NULL AS ev${n}_dataset, NULL AS ev${n}_no, NULL AS ev${n}_row`;
  return `${dId} AS d_id, ${ev(ev1, 1)}, ${ev(ev2, 2)}, ${excess} AS excess_fen`;
}

/** Rows of complete batches only: an import under way, or a withdrawn file, is never compared. */
export const complete = (alias: string): string =>
  `${alias}.batch_no IN (SELECT no FROM welfare_batches WHERE status = 'complete')`;

/** The official was in post at some time during the disbursement's month. */
export const inPost = (o: string, d: string): string =>
  `(${o}.start_on IS NULL OR ${o}.start_on <= ${d}.period || '-31') AND (${o}.end_on IS NULL OR ${o}.end_on >= ${d}.period || '-01')`;

/** A settings list bound as JSON, for `IN (SELECT value FROM json_each(@name))`. */
export const inList = (name: string): string => `IN (SELECT value FROM json_each(@${name}))`;

/**
 * The household a disbursement row belongs to: the rows of a month with the same valid
 * household head, the head's own ID a member too. A row without one (or with an invalid one) is
 * a household of its own, by a valid ID. NULL: no household can be known.
 */
export const householdOf = (d: string): string =>
  `CASE WHEN ${d}.household_head_valid THEN ${d}.household_head_id WHEN ${d}.id_valid THEN ${d}.id_number END`;

/**
 * What the members of households hold, for R5–R7: `owned` rows (hh, period, the registry row's
 * columns) from `registry` (alias r, its own conditions in `where`): a holder paid in a month
 * stands for the household of that row in that month; a holder who heads a household stands for
 * it in every month (period NULL), paid or not.
 */
export function householdHoldings(registry: string, columns: string, where: string): string {
  return `
    SELECT ${householdOf('m')} AS hh, m.period, ${columns}
    FROM wf_disbursements m
    CROSS JOIN ${registry} r ON r.id_number = m.id_number
    WHERE r.id_valid AND m.id_valid AND ${complete('r')} AND ${complete('m')} AND ${where}
    UNION
    SELECT r.id_number AS hh, NULL AS period, ${columns}
    FROM ${registry} r
    WHERE r.id_valid AND ${complete('r')} AND ${where}`;
}

/** A disbursement row of the household of a holding, in its month. */
export const ofHousehold = (d: string, o: string): string => `${o}.hh = ${householdOf(d)} AND (${o}.period IS NULL OR ${o}.period = ${d}.period)`;

export const always = (): number => 1;
