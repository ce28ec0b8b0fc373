import type { Rule } from './rule';
import { complete, matchColumns } from './rule';

/**
 * R12 疑似死亡: paid for a month after the death of someone with the same normalised name whose
 * ID number is one slip away (a character different, or two adjacent ones swapped). The
 * blocking keys of temp.wf_death_block find the candidates, zj_near_id checks them.
 */
export const r12: Rule = {
  code: 'R12',
  needs: ['deathBlocks'],
  sql: `
    SELECT ${matchColumns('d.id', ['deaths', 'x'])}
    FROM wf_disbursements d
    CROSS JOIN temp.wf_death_block b ON b.block IN (d.name || '|' || substr(d.id_number, 1, 10), d.name || '|' || substr(d.id_number, 12))
    JOIN wf_deaths x ON x.id = b.death
    WHERE ${complete('d')}
      AND d.period > substr(x.died_on, 1, 7)
      AND zj_near_id(d.id_number, x.id_number)`,
  recoverable: 'amount',
  confidence: (s) => s.fuzzyConfidence,
};
