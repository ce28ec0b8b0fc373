/**
 * For the benchmark: each rule's joins as a bare `SELECT COUNT(DISTINCT …)` of its hit keys,
 * with nothing of the run around them (no grouping into hits, no evidence, no writes), to set
 * the run's time against. The counts must equal the run's hits per rule.
 */
import type Database from 'better-sqlite3';
import { RULE_CODES, type RuleCode } from '../../../shared/api/welfare';
import type { CountyUnit } from '../county';
import { welfareSettingsOf, WELFARE_SETTINGS_KEY } from '../settings';
import { RULES } from './index';
import { withPreparations } from './prepare';

/** The rule's query as a count of distinct (ID, program, month). */
export function plainSql(code: RuleCode): string {
  return `
    WITH m AS MATERIALIZED (${RULES[code].sql})
    SELECT COUNT(DISTINCT d.id_number || '|' || d.program || '|' || d.period)
    FROM m
    CROSS JOIN wf_disbursements d ON d.id = m.d_id`;
}

/** Runs every rule's plain form on the current data with the stored settings; hits per rule. */
export function plainSqlCounts(sqlite: Database.Database, rules: readonly RuleCode[] = RULE_CODES): Record<RuleCode, number> {
  const stored = sqlite.prepare('SELECT value FROM settings WHERE id = ?').pluck().get(WELFARE_SETTINGS_KEY) as string | undefined;
  const settings = welfareSettingsOf(stored);
  const counties = sqlite.prepare(`SELECT id, code, name FROM org_units WHERE kind = 'county'`).all() as CountyUnit[];
  const needs = new Set(rules.flatMap((code) => RULES[code].needs ?? []));
  return withPreparations(sqlite, needs, counties, () => {
    const counts = {} as Record<RuleCode, number>;
    for (const code of rules) counts[code] = sqlite.prepare(plainSql(code)).pluck().get(RULES[code].params?.(settings) ?? {}) as number;
    return counts;
  });
}
