import type { Rule } from './rule';
import { always, complete, householdHoldings, inList, matchColumns, ofHousehold } from './rule';

/**
 * R7 有企业: the recipient or a member of the household is legal representative or shareholder
 * of a business that is running and was founded before the month ended. A business whose
 * status the register left empty counts as running: only a closure clears it.
 */
export const r07: Rule = {
  code: 'R7',
  sql: `
    WITH held AS MATERIALIZED (
      ${householdHoldings(
        'wf_businesses',
        'r.batch_no, r.row, r.founded_on',
        `r.role ${inList('roles')} AND (r.status IS NULL OR r.status ${inList('active')})`,
      )}
    )
    SELECT ${matchColumns('d.id', ['businesses', 'o'])}
    FROM wf_disbursements d
    CROSS JOIN held o ON ${ofHousehold('d', 'o')}
    WHERE ${complete('d')} AND (o.founded_on IS NULL OR o.founded_on <= d.period || '-31')`,
  params: (s) => ({ roles: JSON.stringify(s.businessRoles), active: JSON.stringify(s.activeBusinessStatuses) }),
  recoverable: 'amount',
  confidence: always,
};
