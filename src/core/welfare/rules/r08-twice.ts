import type { Rule } from './rule';
import { always, complete, matchColumns } from './rule';

/** R8 重复领取: the same ID paid more than once for the same program and month. */
export const r08: Rule = {
  code: 'R8',
  sql: `
    WITH twice AS (
      SELECT d.id_number, d.program, d.period
      FROM wf_disbursements d
      WHERE d.id_valid AND ${complete('d')}
      GROUP BY d.id_number, d.program, d.period
      HAVING COUNT(*) > 1
    )
    SELECT ${matchColumns('d.id')}
    FROM wf_disbursements d
    CROSS JOIN twice t ON t.id_number = d.id_number AND t.program = d.program AND t.period = d.period
    WHERE ${complete('d')}`,
  recoverable: 'beyondFirst',
  confidence: always,
};
