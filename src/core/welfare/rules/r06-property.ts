import type { Rule } from './rule';
import { always, complete, householdHoldings, inList, matchColumns, ofHousehold } from './rule';

const HOME = `'住宅'`;

/**
 * R6 有房: the household owned, by the end of the month, commercial or office property, or
 * several homes. Homes are counted by location, so that a home registered to husband and wife
 * counts once.
 */
export const r06: Rule = {
  code: 'R6',
  sql: `
    WITH owned AS MATERIALIZED (
      ${householdHoldings(
        'wf_properties',
        `r.batch_no, r.row, r.location, r.registered_on, r."use" = ${HOME} AS home`,
        `(r."use" ${inList('commercial')} OR r."use" = ${HOME})`,
      )}
    ),
    paid AS MATERIALIZED (
      SELECT d.id AS d_id, o.batch_no, o.row, o.location, o.home
      FROM wf_disbursements d
      CROSS JOIN owned o ON ${ofHousehold('d', 'o')}
      WHERE ${complete('d')} AND o.registered_on <= d.period || '-31'
    ),
    flagged AS (
      SELECT d_id, COUNT(DISTINCT CASE WHEN home THEN location END) >= @minHomes AS homes
      FROM paid GROUP BY d_id
      HAVING MIN(home) = 0 OR COUNT(DISTINCT CASE WHEN home THEN location END) >= @minHomes
    )
    SELECT ${matchColumns('p.d_id', ['properties', 'p'])}
    FROM flagged f
    JOIN paid p ON p.d_id = f.d_id AND (NOT p.home OR f.homes)`,
  params: (s) => ({ commercial: JSON.stringify(s.commercialPropertyUses), minHomes: s.minHomes }),
  recoverable: 'amount',
  confidence: always,
};
