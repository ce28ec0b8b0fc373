import type { Rule } from './rule';
import { always, complete, inList, inPost, matchColumns } from './rule';

/**
 * R3 村干部及亲属领取 (关系保): the recipient is a village or community cadre in post during the
 * month; or a relative of an official or cadre, in post, whose township or village is the
 * recipient's (kin of an official elsewhere have no hand in the payment).
 */
export const r03: Rule = {
  code: 'R3',
  sql: `
    SELECT ${matchColumns('d.id', ['officials', 'o'])}
    FROM wf_disbursements d
    CROSS JOIN wf_officials o ON o.id_number = d.id_number
    WHERE o.id_valid AND d.id_valid AND ${complete('o')} AND ${complete('d')}
      AND o.category ${inList('cadres')}
      AND ${inPost('o', 'd')}
    UNION ALL
    SELECT ${matchColumns('d.id', ['relatives', 'r'], ['officials', 'o'])}
    FROM wf_disbursements d
    CROSS JOIN wf_relatives r ON r.id_number = d.id_number
    JOIN wf_officials o ON o.id_number = r.official_id
    WHERE r.id_valid AND r.official_valid AND d.id_valid AND o.id_valid
      AND ${complete('r')} AND ${complete('d')} AND ${complete('o')}
      AND ${inPost('o', 'd')}
      AND (o.township = d.township OR o.village = d.village)`,
  params: (s) => ({ cadres: JSON.stringify(s.cadreCategories) }),
  recoverable: 'amount',
  confidence: always,
};
