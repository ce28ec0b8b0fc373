import type { Rule } from './rule';
import { always, complete, inList, inPost, matchColumns } from './rule';

/** R2 财政供养人员领取: the recipient is an official paid from public funds, in post during the month. */
export const r02: Rule = {
  code: 'R2',
  sql: `
    SELECT ${matchColumns('d.id', ['officials', 'o'])}
    FROM wf_disbursements d
    CROSS JOIN wf_officials o ON o.id_number = d.id_number
    WHERE o.id_valid AND d.id_valid AND ${complete('o')} AND ${complete('d')}
      AND o.category ${inList('categories')}
      AND ${inPost('o', 'd')}`,
  params: (s) => ({ categories: JSON.stringify(s.officialCategories) }),
  recoverable: 'amount',
  confidence: always,
};
