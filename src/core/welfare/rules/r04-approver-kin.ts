import type { Rule } from './rule';
import { always, complete, matchColumns } from './rule';

/**
 * R4 审批人亲属 (人情保): the approver is the recipient, or one of the recipient's relatives —
 * the approver's declared relative, or the recipient an official who declared the approver.
 */
export const r04: Rule = {
  code: 'R4',
  sql: `
    SELECT ${matchColumns('d.id', ['relatives', 'r'])}
    FROM wf_disbursements d
    LEFT JOIN wf_relatives r ON r.id_valid AND r.official_valid AND ${complete('r')}
      AND ((r.id_number = d.id_number AND r.official_id = d.approver_id) OR (r.official_id = d.id_number AND r.id_number = d.approver_id))
    WHERE d.approver_valid AND d.id_valid AND ${complete('d')}
      AND (d.approver_id = d.id_number OR r.id IS NOT NULL)`,
  recoverable: 'amount',
  confidence: always,
};
