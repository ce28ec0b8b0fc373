// Counts of clues and cases for the statistics screen and its XLSX export, in the caller's scope.
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { CaseStatistics, CountRow } from '../../shared/api/cases';
import type { Caller } from '../api/caller';
import { scopeCondition } from '../auth/scope';
import type { Db } from '../db/open';
import { caseEvents, caseSanctions, cases, caseState, orgUnits } from '../db/schema';
import { zhCN } from '../../shared/i18n/zh-CN';

/** The disposals counted as such: the choices of 处置 and of the outcomes after it. */
const DISPOSALS = ['inquire', 'check', 'shelve', 'dismiss', 'investigate', 'clarify', 'first_form', 'transfer', 'withdraw'] as const;

type Labels = Record<string, string>;

function rows(counts: { key: string | null; count: number }[], labels: Labels | ((key: string) => string)): CountRow[] {
  return counts
    .filter((c): c is { key: string; count: number } => c.key !== null)
    .map(({ key, count }) => ({ key, label: typeof labels === 'function' ? labels(key) : (labels[key] ?? key), count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function caseStatistics(db: Db, caller: Caller, range: { from?: string | null; to?: string | null }): CaseStatistics {
  const from = range.from ?? null;
  const to = range.to ?? null;
  const received: SQL[] = [];
  const scope = scopeCondition(caller.scope, cases.unitId);
  if (scope) received.push(scope);
  if (from) received.push(gte(cases.receivedDate, from));
  if (to) received.push(lte(cases.receivedDate, to));
  const inRange = and(...received);
  const count = sql<number>`count(*)`;
  // one pass over the clues, grouped by every dimension at once; the counts per dimension are
  // summed from these groups (five passes over 100,000 clues cost five times as much)
  const groups = db
    .select({
      source: cases.source,
      stage: caseState.stage,
      unitId: cases.unitId,
      month: sql<string>`substr(${cases.receivedDate}, 1, 7)`,
      count,
    })
    .from(cases)
    .innerJoin(caseState, eq(caseState.caseId, cases.id))
    .where(inRange)
    .groupBy(sql`1, 2, 3, 4`)
    .all();
  const unitNames = new Map(db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).all().map((u) => [u.id, u.name]));
  const tally = (key: (group: (typeof groups)[number]) => string) => {
    const totals = new Map<string, number>();
    for (const group of groups) totals.set(key(group), (totals.get(key(group)) ?? 0) + group.count);
    return [...totals].map(([k, n]) => ({ key: k, count: n }));
  };

  // a step counts once it is in effect: an undone one does not
  const eventConditions: SQL[] = [
    eq(caseEvents.kind, 'acted'),
    sql`${caseEvents.action} IN ${DISPOSALS}`,
    sql`${caseEvents.id} NOT IN (SELECT u.refers_to FROM case_events u WHERE u.kind = 'undone' AND u.refers_to IS NOT NULL)`,
  ];
  if (scope) eventConditions.push(scope);
  if (from) eventConditions.push(gte(caseEvents.date, from));
  if (to) eventConditions.push(lte(caseEvents.date, to));
  const disposals = db
    .select({ key: caseEvents.action, count })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(...eventConditions))
    .groupBy(caseEvents.action)
    .all();

  const sanctionConditions: SQL[] = [eq(caseSanctions.superseded, false)];
  if (scope) sanctionConditions.push(scope);
  if (from) sanctionConditions.push(gte(caseSanctions.decidedDate, from));
  if (to) sanctionConditions.push(lte(caseSanctions.decidedDate, to));
  const sanctions = db
    .select({ key: caseSanctions.kind, count })
    .from(caseSanctions)
    .innerJoin(cases, eq(cases.id, caseSanctions.caseId))
    .where(and(...sanctionConditions))
    .groupBy(caseSanctions.kind)
    .all();

  return {
    from,
    to,
    bySource: rows(tally((g) => g.source), zhCN.cases.source),
    byStage: rows(tally((g) => g.stage), zhCN.cases.stage),
    byDisposal: rows(disposals, zhCN.cases.action),
    byUnit: rows(tally((g) => g.unitId), (id) => unitNames.get(id) ?? id),
    byMonth: tally((g) => g.month)
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((m) => ({ key: m.key, label: m.key, count: m.count })),
    sanctionsByKind: rows(sanctions, zhCN.cases.sanction),
    // 立案: the investigations in effect
    casesOpened: disposals.find((d) => d.key === 'investigate')?.count ?? 0,
  };
}
