// The hit board and a hit's page. Every read is kept inside the caller's scope here, in the
// core: a county officer sees the hits assigned to their county, and a hit outside the scope is
// "not found", never "forbidden" (its existence is not told).
import { aliasedTable, and, asc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import {
  HIT_STATUSES,
  type EvidenceRef,
  type Finding,
  type Hit,
  type HitDetail,
  type HitPage,
  type HitStatus,
  type RuleCode,
  type hitFilter,
} from '../../shared/api/welfare';
import type { Caller } from '../api/caller';
import { AppError } from '../api/errors';
import { scopeCondition } from '../auth/scope';
import type { Db } from '../db/open';
import { orgUnits, users, welfareHitDocuments, welfareHitEntries, welfareHits } from '../db/schema';
import { normalizeName } from '../registry/names';
import { resolveEvidence } from './evidence';

export type HitQuery = z.output<typeof hitFilter>;

const assignedUnit = aliasedTable(orgUnits, 'assigned_unit');
const countyUnit = aliasedTable(orgUnits, 'county_unit');
/** the hit's latest finding: a correction replaces the earlier one */
const finding = aliasedTable(welfareHitEntries, 'finding');
const findingBy = aliasedTable(users, 'finding_by');
const latestFinding = eq(
  finding.id,
  sql`(SELECT max(e.id) FROM welfare_hit_entries e WHERE e.hit_id = ${welfareHits.id} AND e.kind = 'finding')`,
);

const hitColumns = {
  id: welfareHits.id,
  rule: welfareHits.rule,
  idNumber: welfareHits.idNumber,
  name: welfareHits.name,
  program: welfareHits.program,
  period: welfareHits.period,
  amountFen: welfareHits.amountFen,
  recoverableFen: welfareHits.recoverableFen,
  county: welfareHits.county,
  countyUnitId: welfareHits.countyUnitId,
  township: welfareHits.township,
  village: welfareHits.village,
  confidence: welfareHits.confidence,
  status: welfareHits.status,
  assignedUnitId: welfareHits.assignedUnitId,
  assignedUnitName: assignedUnit.name,
  current: welfareHits.current,
  caseId: welfareHits.caseId,
  firstRunId: welfareHits.firstRunId,
  lastRunId: welfareHits.lastRunId,
};

/**
 * What is to be recovered of a confirmed hit: the latest finding's figure when the county gave
 * one. Looked up for confirmed hits only, so that totals over thousands of new hits stay cheap.
 */
const confirmedRecoverable = sql<number>`CASE WHEN ${welfareHits.status} IN ('confirmed', 'handed_over')
  THEN coalesce((SELECT e.recoverable_fen FROM welfare_hit_entries e WHERE e.hit_id = ${welfareHits.id} AND e.kind = 'finding'
    ORDER BY e.id DESC LIMIT 1), ${welfareHits.recoverableFen}) ELSE 0 END`;

const ORDER = [
  sql`${countyUnit.code} IS NULL`,
  asc(countyUnit.code),
  asc(welfareHits.county),
  asc(welfareHits.township),
  asc(welfareHits.village),
  sql`CAST(substr(${welfareHits.rule}, 2) AS INTEGER)`,
  asc(welfareHits.idNumber),
  asc(welfareHits.period),
  asc(welfareHits.id),
];

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ID number or its start, else part of a (normalised) name. */
function queryCondition(query: string): SQL {
  if (/^[0-9xX]+$/.test(query)) return like(welfareHits.idNumber, `${query.toUpperCase()}%`);
  return sql`${welfareHits.name} LIKE ${`%${escapeLike(normalizeName(query))}%`} ESCAPE '\\'`;
}

type Dimension = 'rule' | 'countyUnitId' | 'township' | 'program' | 'status';
const DIMENSION_COLUMNS: Record<Dimension, SQLiteColumn> = {
  rule: welfareHits.rule,
  countyUnitId: welfareHits.countyUnitId,
  township: welfareHits.township,
  program: welfareHits.program,
  status: welfareHits.status,
};

/** The caller's scope and the filter, leaving out one dimension (for that dimension's facet). */
function conditions(caller: Caller, filter: HitQuery, omit?: Dimension): SQL | undefined {
  const list: (SQL | undefined)[] = [scopeCondition(caller.scope, welfareHits.assignedUnitId)];
  if (!filter.includeStale) list.push(eq(welfareHits.current, true));
  for (const [dimension, column] of Object.entries(DIMENSION_COLUMNS) as [Dimension, SQLiteColumn][]) {
    const value = filter[dimension];
    if (value !== undefined && dimension !== omit) list.push(eq(column, value));
  }
  if (filter.query) list.push(queryCondition(filter.query));
  return and(...list);
}

function rowsQuery(db: Db, where: SQL | undefined) {
  return db
    .select(hitColumns)
    .from(welfareHits)
    .leftJoin(assignedUnit, eq(assignedUnit.id, welfareHits.assignedUnitId))
    .leftJoin(countyUnit, eq(countyUnit.id, welfareHits.countyUnitId))
    .where(where)
    .orderBy(...ORDER);
}

const ruleNumber = (rule: string) => Number(rule.slice(1));

function facets(db: Db, caller: Caller, filter: HitQuery): HitPage['facets'] {
  const count = sql<number>`count(*)`;
  const tally = <V extends string>(dimension: Dimension) =>
    db
      .select({ value: sql<V>`${DIMENSION_COLUMNS[dimension]}`, count })
      .from(welfareHits)
      .where(conditions(caller, filter, dimension))
      .groupBy(DIMENSION_COLUMNS[dimension])
      .orderBy(DIMENSION_COLUMNS[dimension])
      .all();
  const counties = db
    .select({ value: welfareHits.countyUnitId, name: countyUnit.name, count })
    .from(welfareHits)
    .leftJoin(countyUnit, eq(countyUnit.id, welfareHits.countyUnitId))
    .where(conditions(caller, filter, 'countyUnitId'))
    .groupBy(welfareHits.countyUnitId)
    .orderBy(countyUnit.code)
    .all();
  const statusOrder = (s: HitStatus) => HIT_STATUSES.indexOf(s);
  return {
    rules: tally<RuleCode>('rule').sort((a, b) => ruleNumber(a.value) - ruleNumber(b.value)),
    // hits whose county text matched no unit have no county to filter by
    counties: counties.flatMap((c) => (c.value !== null && c.name !== null ? [{ value: c.value, name: c.name, count: c.count }] : [])),
    townships: tally<string>('township'),
    programs: tally<string>('program'),
    statuses: tally<HitStatus>('status').sort((a, b) => statusOrder(a.value) - statusOrder(b.value)),
  };
}

function totalsOf(db: Db, where: SQL | undefined): { total: number; totals: HitPage['totals'] } {
  const row = db
    .select({
      total: sql<number>`count(*)`,
      amountFen: sql<number>`coalesce(sum(${welfareHits.amountFen}), 0)`,
      recoverableFen: sql<number>`coalesce(sum(${welfareHits.recoverableFen}), 0)`,
      confirmedRecoverableFen: sql<number>`coalesce(sum(${confirmedRecoverable}), 0)`,
    })
    .from(welfareHits)
    .where(where)
    .get()!;
  const { total, ...totals } = row;
  return { total, totals };
}

/** One page of the board, with the facets and the totals of everything the filter selects. */
export function listHits(db: Db, caller: Caller, input: HitQuery & { offset: number; limit: number }): HitPage {
  const where = conditions(caller, input);
  const rows = rowsQuery(db, where).limit(input.limit).offset(input.offset).all();
  return { ...totalsOf(db, where), rows, facets: facets(db, caller, input) };
}

/** Every hit the filter selects, in board order (for the exports). */
export function allHits(db: Db, caller: Caller, filter: HitQuery): { rows: Hit[]; totals: HitPage['totals'] } {
  const where = conditions(caller, filter);
  return { rows: rowsQuery(db, where).all(), totals: totalsOf(db, where).totals };
}

export interface HitWithFinding extends Hit {
  /** JSON of the evidence references */
  evidence: string;
  finding: { finding: Finding; reason: string | null; recoverableFen: number | null; at: string; byName: string } | null;
}

function withFindings(db: Db, where: SQL | undefined): HitWithFinding[] {
  const rows = db
    .select({
      ...hitColumns,
      evidence: welfareHits.evidence,
      finding: finding.finding,
      reason: finding.reason,
      findingRecoverableFen: finding.recoverableFen,
      findingAt: finding.at,
      findingByName: sql<string | null>`coalesce(${findingBy.displayName}, ${finding.actor})`,
    })
    .from(welfareHits)
    .leftJoin(assignedUnit, eq(assignedUnit.id, welfareHits.assignedUnitId))
    .leftJoin(countyUnit, eq(countyUnit.id, welfareHits.countyUnitId))
    .leftJoin(finding, latestFinding)
    .leftJoin(findingBy, eq(findingBy.id, finding.by))
    .where(where)
    .orderBy(...ORDER)
    .all();
  return rows.map(({ finding: f, reason, findingRecoverableFen, findingAt, findingByName, ...hit }) => ({
    ...hit,
    finding: f ? { finding: f, reason, recoverableFen: findingRecoverableFen, at: findingAt!, byName: findingByName ?? '' } : null,
  }));
}

/** Current hits assigned to one unit, with their latest finding: the list a county works through. */
export function assignedHits(db: Db, caller: Caller, unitId: string): HitWithFinding[] {
  return withFindings(db, and(conditions(caller, {}), eq(welfareHits.assignedUnitId, unitId)));
}

/** The confirmed hits of one recipient assigned to one unit, with their findings (for the hand-over). */
export function confirmedHitsOf(db: Db, caller: Caller, idNumber: string, unitId: string): HitWithFinding[] {
  return withFindings(
    db,
    and(
      scopeCondition(caller.scope, welfareHits.assignedUnitId),
      eq(welfareHits.idNumber, idNumber),
      eq(welfareHits.assignedUnitId, unitId),
      eq(welfareHits.status, 'confirmed'),
    ),
  );
}

export interface HitGroup {
  rule: RuleCode;
  countyUnitId: string | null;
  countyName: string | null;
  status: HitStatus;
  count: number;
  amountFen: number;
  confirmedRecoverableFen: number;
}

/** Counts and amounts of the caller's current hits by rule, county and status (for the summary report). */
export function hitGroups(db: Db, caller: Caller): HitGroup[] {
  return db
    .select({
      rule: welfareHits.rule,
      countyUnitId: welfareHits.countyUnitId,
      countyName: sql<string | null>`coalesce(${countyUnit.name}, ${welfareHits.county})`,
      status: welfareHits.status,
      count: sql<number>`count(*)`,
      amountFen: sql<number>`sum(${welfareHits.amountFen})`,
      confirmedRecoverableFen: sql<number>`sum(${confirmedRecoverable})`,
    })
    .from(welfareHits)
    .leftJoin(countyUnit, eq(countyUnit.id, welfareHits.countyUnitId))
    .where(conditions(caller, {}))
    .groupBy(welfareHits.rule, welfareHits.countyUnitId, sql`coalesce(${countyUnit.name}, ${welfareHits.county})`, welfareHits.status)
    .orderBy(countyUnit.code)
    .all();
}

/** Hits by id as the caller may see them; ids outside the scope are simply absent. */
export function visibleHits(db: Db, caller: Caller, ids: string[]): (Hit & { evidence: string })[] {
  if (ids.length === 0) return [];
  return db
    .select({ ...hitColumns, evidence: welfareHits.evidence })
    .from(welfareHits)
    .leftJoin(assignedUnit, eq(assignedUnit.id, welfareHits.assignedUnitId))
    .where(and(scopeCondition(caller.scope, welfareHits.assignedUnitId), inArray(welfareHits.id, ids)))
    .all();
}

/** A hit the caller may see, else WELFARE_HIT_NOT_FOUND. */
export function requireHit(db: Db, caller: Caller, id: string): Hit & { evidence: string } {
  const [hit] = visibleHits(db, caller, [id]);
  if (!hit) throw new AppError('WELFARE_HIT_NOT_FOUND', { id });
  return hit;
}

export function evidenceRefs(hit: { evidence: string }): Omit<EvidenceRef, 'fileName'>[] {
  return JSON.parse(hit.evidence) as Omit<EvidenceRef, 'fileName'>[];
}

/** A hit's page: the evidence records, what happened to it, and the documents filed. */
export function getHitDetail(db: Db, caller: Caller, id: string): HitDetail {
  const { evidence, ...hit } = requireHit(db, caller, id);
  const history = db
    .select({
      id: welfareHitEntries.id,
      kind: welfareHitEntries.kind,
      at: welfareHitEntries.at,
      by: welfareHitEntries.by,
      byName: sql<string>`coalesce(${users.displayName}, ${welfareHitEntries.actor})`,
      unitId: welfareHitEntries.unitId,
      finding: welfareHitEntries.finding,
      reason: welfareHitEntries.reason,
      recoverableFen: welfareHitEntries.recoverableFen,
      caseId: welfareHitEntries.caseId,
    })
    .from(welfareHitEntries)
    .leftJoin(users, eq(users.id, welfareHitEntries.by))
    .where(eq(welfareHitEntries.hitId, id))
    .orderBy(asc(welfareHitEntries.id))
    .all();
  const documents = db
    .select({
      id: welfareHitDocuments.id,
      fileName: welfareHitDocuments.fileName,
      size: welfareHitDocuments.size,
      addedAt: welfareHitDocuments.addedAt,
      addedByName: sql<string>`coalesce(${users.displayName}, ${welfareHitDocuments.addedByActor})`,
    })
    .from(welfareHitDocuments)
    .leftJoin(users, eq(users.id, welfareHitDocuments.addedBy))
    .where(eq(welfareHitDocuments.hitId, id))
    .orderBy(asc(welfareHitDocuments.id))
    .all();
  return { ...hit, evidence: resolveEvidence(db, evidenceRefs({ evidence }), hit.idNumber), history, documents };
}
