import type Database from 'better-sqlite3';
import type { CountyUnit } from '../county';
import { withPreparations } from './prepare';
import type { Rule } from './rule';
import { always, complete, matchColumns } from './rule';

/**
 * R9 超标准: a payment above the standard for its program, county and month. The standard is
 * the one with the latest start not after the month, a county's own beating the one for every
 * county (a standard with no county). Counties compare by the key of temp.wf_county, so that
 * 530721, 玉龙纳西族自治县 and 玉龙县 are the same county.
 */
export const r09: Rule = {
  code: 'R9',
  needs: ['counties'],
  sql: `
    WITH standard AS (
      SELECT s.id, s.program, s.from_period, k.county_key
      FROM wf_standards s LEFT JOIN temp.wf_county k ON k.written = s.county
      WHERE ${complete('s')}
    ),
    month AS (
      SELECT DISTINCT d.program, d.county, d.period FROM wf_disbursements d WHERE ${complete('d')}
    ),
    applies AS MATERIALIZED (
      SELECT m.program, m.county, m.period, (
        SELECT s.id FROM standard s
        WHERE s.program = m.program AND s.from_period <= m.period AND (s.county_key IS NULL OR s.county_key = k.county_key)
        ORDER BY s.county_key IS NULL, s.from_period DESC, s.id DESC
        LIMIT 1
      ) AS standard_id
      FROM month m LEFT JOIN temp.wf_county k ON k.written = m.county
    )
    SELECT ${matchColumns('d.id', ['standards', 's'], undefined, 'd.amount_fen - s.max_amount_fen')}
    FROM wf_disbursements d
    CROSS JOIN applies a ON a.program = d.program AND a.county IS d.county AND a.period = d.period
    JOIN wf_standards s ON s.id = a.standard_id
    WHERE ${complete('d')} AND d.amount_fen > s.max_amount_fen`,
  recoverable: 'excess',
  confidence: always,
};

/** Payments R9 could not compare: their program has standards, none for their county and month. */
export interface WithoutStandard {
  program: string;
  county: string;
  period: string;
  payments: number;
}

/**
 * What R9 passed over, for the run to say so: most often a county written one way in the
 * disbursements and another in the standards, with no county unit in the registry to tie the
 * two (530721 and 玉龙县), so that R9 would otherwise be silent about a whole county.
 */
export function paymentsWithoutStandard(sqlite: Database.Database, counties: readonly CountyUnit[]): WithoutStandard[] {
  return withPreparations(sqlite, new Set(['counties']), counties, () =>
    sqlite
      .prepare(
        `WITH standard AS (
           SELECT s.program, s.from_period, k.county_key FROM wf_standards s LEFT JOIN temp.wf_county k ON k.written = s.county WHERE ${complete('s')}
         )
         SELECT d.program, d.county, d.period, count(*) AS payments
         FROM wf_disbursements d LEFT JOIN temp.wf_county k ON k.written = d.county
         WHERE ${complete('d')}
           AND EXISTS (SELECT 1 FROM standard s WHERE s.program = d.program)
           AND NOT EXISTS (
             SELECT 1 FROM standard s
             WHERE s.program = d.program AND s.from_period <= d.period AND (s.county_key IS NULL OR s.county_key = k.county_key)
           )
         GROUP BY d.program, d.county, d.period
         ORDER BY d.program, d.county, d.period`,
      )
      .all() as WithoutStandard[],
  );
}
