import type { Rule } from './rule';
import { always, complete, householdHoldings, inList, matchColumns, ofHousehold } from './rule';

/**
 * R5 有车 (富人保): the recipient or a member of the household owns, in the month, a vehicle of a
 * type that counts as wealth: registered before the month ended, not deregistered before it began.
 */
export const r05: Rule = {
  code: 'R5',
  // the households owning one first (few), then one pass over the disbursements against them
  sql: `
    WITH owned AS MATERIALIZED (
      ${householdHoldings('wf_vehicles', 'r.batch_no, r.row, r.registered_on, r.deregistered_on', `r.vehicle_type NOT ${inList('exempt')}`)}
    )
    SELECT ${matchColumns('d.id', ['vehicles', 'o'])}
    FROM wf_disbursements d
    CROSS JOIN owned o ON ${ofHousehold('d', 'o')}
    WHERE ${complete('d')}
      AND o.registered_on <= d.period || '-31'
      AND (o.deregistered_on IS NULL OR o.deregistered_on >= d.period || '-01')`,
  params: (s) => ({ exempt: JSON.stringify(s.exemptVehicleTypes) }),
  recoverable: 'amount',
  confidence: always,
};
