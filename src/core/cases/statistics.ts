// Counts of clues and cases for the statistics screen and its XLSX export, in the caller's scope.
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
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
  const grouped = (key: SQL | SQLiteColumn) =>
    db
      .select({ key: sql<string | null>`${key}`, count })
      .from(cases)
      .innerJoin(caseState, eq(caseState.caseId, cases.id))
      .leftJoin(orgUnits, eq(orgUnits.id, cases.unitId))
      .where(inRange)
      .groupBy(sql`1`)
      .all();

  // a step counts once it is in effect: an undone one does not. NOT IN runs the subquery once
  // (refers_to has no index: a correlated NOT EXISTS scanned every event for each event)
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

  const opened = db
    .select({ n: count })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.kind, 'acted'), eq(caseEvents.action, 'investigate'), ...eventConditions.slice(2)))
    .get()!.n;

  const byMonth = grouped(sql<string>`substr(${cases.receivedDate}, 1, 7)`).sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  return {
    from,
    to,
    bySource: rows(grouped(cases.source), zhCN.cases.source),
    byStage: rows(grouped(caseState.stage), zhCN.cases.stage),
    byDisposal: rows(disposals, zhCN.cases.action),
    byUnit: rows(grouped(orgUnits.name), (name) => name),
    byMonth: byMonth.filter((m): m is { key: string; count: number } => m.key !== null).map((m) => ({ key: m.key, label: m.key, count: m.count })),
    sanctionsByKind: rows(sanctions, zhCN.cases.sanction),
    casesOpened: opened,
  };
}
