import type { Rule } from './rule';
import { always, complete, matchColumns } from './rule';

/**
 * R1 死亡人员领取: paid for a month after the month of death, by the same (valid) ID. A payment
 * for the month of death itself is not flagged: the allowance of that month was due.
 */
export const r01: Rule = {
  code: 'R1',
  sql: `
    SELECT ${matchColumns('d.id', ['deaths', 'x'])}
    FROM wf_disbursements d
    CROSS JOIN wf_deaths x ON x.id_number = d.id_number
    WHERE x.id_valid AND d.id_valid AND ${complete('x')} AND ${complete('d')}
      AND d.period > substr(x.died_on, 1, 7)`,
  recoverable: 'amount',
  confidence: always,
};
