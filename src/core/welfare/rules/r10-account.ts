import type { Rule } from './rule';
import { always, complete, inPost, matchColumns } from './rule';

/** Rows of the shared account given as evidence with each hit: enough to show the pattern. */
export const SHARED_ACCOUNT_EVIDENCE = 20;

/**
 * R10 账户异常: the account holder is not the recipient and is the approver, or an official in
 * post in the recipient's township (the holder is known by name only); or one account receives
 * one program's payments for a month for IDs of at least `sharedAccountMinIds` different
 * households (one household sharing an account is common and not flagged).
 */
export const r10: Rule = {
  code: 'R10',
  sql: `
    WITH shared AS (
      SELECT d.bank_account, d.program, d.period
      FROM wf_disbursements d
      WHERE d.bank_account <> '' AND ${complete('d')}
      GROUP BY d.bank_account, d.program, d.period
      HAVING COUNT(DISTINCT CASE WHEN d.household_head_valid THEN d.household_head_id ELSE d.id_number END) >= @minIds
    ),
    paid AS MATERIALIZED (
      SELECT d.id, d.id_number, d.batch_no, d.row, d.bank_account, d.program, d.period,
             ROW_NUMBER() OVER (PARTITION BY d.bank_account, d.program, d.period ORDER BY d.batch_no, d.row) AS n
      FROM wf_disbursements d
      CROSS JOIN shared s ON s.bank_account = d.bank_account AND s.program = d.program AND s.period = d.period
      WHERE ${complete('d')}
    )
    SELECT ${matchColumns('d.id', ['officials', 'o'])}
    FROM wf_disbursements d
    LEFT JOIN wf_officials o ON o.name = d.account_holder AND o.township = d.township AND ${complete('o')} AND ${inPost('o', 'd')}
    WHERE d.account_holder <> d.name AND ${complete('d')} AND (d.account_holder = d.approver_name OR o.id IS NOT NULL)
    UNION ALL
    SELECT ${matchColumns('a.id', ['disbursements', 'o'])}
    FROM paid a
    LEFT JOIN paid o ON o.bank_account = a.bank_account AND o.program = a.program AND o.period = a.period
      AND o.n <= ${SHARED_ACCOUNT_EVIDENCE} AND o.id_number <> a.id_number`,
  params: (s) => ({ minIds: s.sharedAccountMinIds }),
  recoverable: 'amount',
  confidence: always,
};
