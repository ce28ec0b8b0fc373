import type { Rule } from './rule';
import { always, complete, matchColumns } from './rule';

/**
 * R11 身份证号无效: the recipient's ID number fails GB 11643 (format, check character, a birth
 * date that does not exist), or gives a birth date after the month paid.
 */
export const r11: Rule = {
  code: 'R11',
  sql: `
    SELECT ${matchColumns('d.id')}
    FROM wf_disbursements d
    WHERE (NOT d.id_valid OR substr(d.id_number, 7, 8) > replace(d.period, '-', '') || '31') AND ${complete('d')}`,
  recoverable: 'amount',
  confidence: always,
};
