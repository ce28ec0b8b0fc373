/**
 * A run of the comparison rules: finds the hits over the complete batches and stores them
 * through the write path. A hit found again keeps its verification (status, assignment) and
 * gets its amounts and evidence refreshed; a hit of the same rules not found again (data
 * corrected, a batch withdrawn) stays for the record, no longer current.
 */
import Database from 'better-sqlite3';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { RULE_CODES, type EvidenceRef, type Hit, type RuleCode, type RuleRun } from '../../shared/api/welfare';
import type { Context } from '../api/context';
import { AppError } from '../api/errors';
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import { applyKey } from '../db/cipher';
import type { Db } from '../db/open';
import * as schema from '../db/schema';
import { orgUnits, users, welfareBatches, welfareHitEntries, welfareHits, welfareRuns, welfareStaging } from '../db/schema';
import { resolveCounty, type CountyUnit } from './county';
import { findRuleHits, preparationsFor, type EvidenceKey, type FoundHit } from './rules/find';
import { prepareRunConnection } from './rules/prepare';
import { paymentsWithoutStandard, type WithoutStandard } from './rules/r09-standard';
import { asRunJob, noteProgress } from './run-jobs';
import { loadWelfareSettings } from './settings';

type StoredHit = Pick<
  typeof welfareHits.$inferSelect,
  'id' | 'key' | 'name' | 'amountFen' | 'recoverableFen' | 'county' | 'countyUnitId' | 'township' | 'village' | 'confidence' | 'evidence' | 'current' | 'lastRunId'
>;

/** Rows of an import under way are not in a complete batch yet: a run now would miss them. */
function refuseDuringImport(db: Db): void {
  const running = db.select({ no: welfareStaging.no }).from(welfareStaging).limit(1).get();
  if (running) throw new AppError('WELFARE_IMPORT_RUNNING', { fileName: `#${running.no}` });
}

function countyUnits(db: Db): CountyUnit[] {
  return db.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.kind, 'county')).all();
}

/** The columns of a hit that a run sets, found the first time or again. */
function foundColumns(hit: FoundHit, counties: readonly CountyUnit[]) {
  return {
    name: hit.name,
    amountFen: hit.amountFen,
    recoverableFen: hit.recoverableFen,
    county: hit.county,
    countyUnitId: resolveCounty(hit.county, counties)?.id ?? null,
    township: hit.township,
    village: hit.village,
    confidence: hit.confidence,
    evidence: JSON.stringify(hit.evidence),
  };
}

interface RunFacts {
  runId: string;
  startedAt: string;
  userId: string;
  /** the username, which travels with the hit entries to other offices */
  actor: string;
  rules: RuleCode[];
  batchIds: string[];
  found: Map<RuleCode, FoundHit[]>;
  counties: readonly CountyUnit[];
}

function storeRun(w: Writer, facts: RunFacts, finishedAt: string): Omit<RuleRun, 'byName'> {
  const { runId, userId, actor, rules, found, counties } = facts;
  const stored = new Map<string, StoredHit>(
    w.db
      .select({
        id: welfareHits.id,
        key: welfareHits.key,
        name: welfareHits.name,
        amountFen: welfareHits.amountFen,
        recoverableFen: welfareHits.recoverableFen,
        county: welfareHits.county,
        countyUnitId: welfareHits.countyUnitId,
        township: welfareHits.township,
        village: welfareHits.village,
        confidence: welfareHits.confidence,
        evidence: welfareHits.evidence,
        current: welfareHits.current,
        lastRunId: welfareHits.lastRunId,
      })
      .from(welfareHits)
      .where(inArray(welfareHits.rule, rules))
      .all()
      .map((h) => [h.key, h]),
  );
  const inserts: (typeof welfareHits.$inferInsert)[] = [];
  const entries: (typeof welfareHitEntries.$inferInsert)[] = [];
  const updates: { id: string; current: StoredHit; patch: Partial<typeof welfareHits.$inferInsert> }[] = [];
  const seen = new Set<string>();
  const byRule: RuleRun['byRule'] = {};
  for (const [rule, hits] of found) {
    byRule[rule] = hits.length;
    for (const hit of hits) {
      seen.add(hit.key);
      const columns = foundColumns(hit, counties);
      const before = stored.get(hit.key);
      if (before) {
        updates.push({ id: before.id, current: before, patch: { ...columns, current: true, lastRunId: runId } });
        continue;
      }
      const id = newId();
      inserts.push({
        id,
        key: hit.key,
        rule,
        idNumber: hit.idNumber,
        program: hit.program,
        period: hit.period,
        ...columns,
        status: 'new',
        assignedUnitId: null,
        caseId: null,
        current: true,
        firstRunId: runId,
        lastRunId: runId,
        updatedAt: finishedAt,
      });
      entries.push({ id: newId(), hitId: id, kind: 'found', at: finishedAt, by: userId, actor });
    }
  }
  for (const before of stored.values()) {
    if (before.current && !seen.has(before.key)) updates.push({ id: before.id, current: before, patch: { current: false } });
  }
  const noLongerFound = updates.filter((u) => u.patch.current === false).length;
  const run = {
    id: runId,
    startedAt: facts.startedAt,
    finishedAt,
    by: userId,
    rules,
    batchIds: facts.batchIds,
    hits: seen.size,
    newHits: inserts.length,
    noLongerFound,
    byRule,
  };
  w.insert(welfareRuns, { ...run, rules: JSON.stringify(rules), batchIds: JSON.stringify(run.batchIds), byRule: JSON.stringify(byRule) });
  w.insertMany(welfareHits, inserts);
  w.insertMany(welfareHitEntries, entries);
  w.updateMany(welfareHits, updates, { updatedAt: finishedAt });
  return run;
}

/** A read-only connection of the run's own to the database file, in a read transaction: every rule sees the same data. */
function openSnapshot(ctx: Context): Database.Database {
  const sqlite = new Database(ctx.sqlite.name, { readonly: true, fileMustExist: true });
  try {
    applyKey(sqlite, ctx.vault.key);
    sqlite.exec('BEGIN');
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Lets other requests through (a cancel, most of all) between two rules; each rule's SQL runs in one piece. */
async function giveWay(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal.aborted) throw new AppError('WELFARE_RUN_CANCELLED');
}

type ReadFacts = RunFacts & { withoutStandard: WithoutStandard[] | undefined };

/** Reads the hits of `codes`, rule by rule, reporting each as done; writes nothing. */
async function readRun(ctx: Context, codes: RuleCode[], jobId: string, signal: AbortSignal, head: Pick<RunFacts, 'startedAt' | 'userId' | 'actor'>): Promise<ReadFacts> {
  const progressed = (done: number, rule: RuleCode | null) => {
    noteProgress(ctx, jobId, done);
    ctx.emit('welfare.rulesProgressed', { jobId, done, total: codes.length, rule });
  };
  const sqlite = openSnapshot(ctx);
  try {
    const db = drizzle(sqlite, { schema });
    refuseDuringImport(db);
    const batches = db
      .select({ id: welfareBatches.id, no: welfareBatches.no })
      .from(welfareBatches)
      .where(eq(welfareBatches.status, 'complete'))
      .orderBy(welfareBatches.no)
      .all();
    const counties = countyUnits(db);
    const settings = loadWelfareSettings(db);
    const batchIds = new Map(batches.map((b) => [b.no, b.id]));
    progressed(0, null);
    await giveWay(signal);
    prepareRunConnection(sqlite, preparationsFor(codes), counties);
    const found = new Map<RuleCode, FoundHit[]>();
    for (const [i, code] of codes.entries()) {
      found.set(code, findRuleHits(sqlite, code, settings, batchIds));
      progressed(i + 1, code);
      await giveWay(signal);
    }
    const withoutStandard = codes.includes('R9') ? paymentsWithoutStandard(sqlite, counties).slice(0, 50) : undefined;
    return { ...head, runId: newId(), rules: codes, batchIds: batches.map((b) => b.id), found, counties, withoutStandard };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}

/**
 * Runs `rules` (all by default) over every complete batch and stores the hits. Refused while
 * an import is under way. The same data gives the same hits.
 *
 * At a million rows the reading takes many seconds. It goes on a read-only connection of its
 * own, in one read transaction (a snapshot of the data), giving way between rules so that the
 * core goes on answering: progress as `welfare.rulesProgressed`, and `cancelRun` stops it with
 * WELFARE_RUN_CANCELLED before anything is written. Only the hits are written, in the write
 * transaction: holding the write lock through the reading would time out another process's
 * writes (the app while the CLI runs a check).
 */
export async function runRules(ctx: Context, rules: readonly RuleCode[] = RULE_CODES, jobId: string = newId()): Promise<RuleRun> {
  const userId = ctx.caller.userId;
  if (!userId) throw new AppError('SESSION_REQUIRED');
  const codes = RULE_CODES.filter((code) => rules.includes(code));
  const head = { startedAt: shanghaiTimestamp(ctx.now()), userId, actor: ctx.caller.actor };
  const facts = await asRunJob(ctx, { jobId, userId, startedAt: head.startedAt, total: codes.length }, (signal) => readRun(ctx, codes, jobId, signal, head));
  const run = ctx.write(
    (w) => storeRun(w, facts, shanghaiTimestamp(ctx.now())),
    (r) => ({ runId: r.id, rules: r.rules, hits: r.hits, newHits: r.newHits, noLongerFound: r.noLongerFound }),
  );
  return { ...run, byName: displayName(ctx.db, userId), ...(facts.withoutStandard ? { withoutStandard: facts.withoutStandard } : {}) };
}

function displayName(db: Db, userId: string): string {
  return db.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).get()?.name ?? '';
}

/** Every run, the latest first. */
export function listRuns(db: Db): RuleRun[] {
  return db
    .select({ run: welfareRuns, byName: users.displayName })
    .from(welfareRuns)
    .innerJoin(users, eq(users.id, welfareRuns.by))
    .orderBy(desc(welfareRuns.startedAt), desc(welfareRuns.id))
    .all()
    .map(({ run, byName }) => ({
      ...run,
      byName,
      rules: JSON.parse(run.rules) as RuleCode[],
      batchIds: JSON.parse(run.batchIds) as string[],
      byRule: JSON.parse(run.byRule) as RuleRun['byRule'],
    }));
}

export type RunHit = Pick<
  Hit,
  'rule' | 'idNumber' | 'name' | 'program' | 'period' | 'amountFen' | 'recoverableFen' | 'county' | 'township' | 'village' | 'confidence' | 'status'
> & { evidence: EvidenceRef[] };

/** The hits a run found, with their evidence and the files it came from: what `zhijian check` prints. */
export function hitsOfRun(db: Db, runId: string): RunHit[] {
  const files = new Map(db.select({ id: welfareBatches.id, fileName: welfareBatches.fileName }).from(welfareBatches).all().map((b) => [b.id, b.fileName]));
  return db
    .select({
      rule: welfareHits.rule,
      idNumber: welfareHits.idNumber,
      name: welfareHits.name,
      program: welfareHits.program,
      period: welfareHits.period,
      amountFen: welfareHits.amountFen,
      recoverableFen: welfareHits.recoverableFen,
      county: welfareHits.county,
      township: welfareHits.township,
      village: welfareHits.village,
      confidence: welfareHits.confidence,
      status: welfareHits.status,
      evidence: welfareHits.evidence,
    })
    .from(welfareHits)
    .where(and(eq(welfareHits.lastRunId, runId), eq(welfareHits.current, true)))
    .orderBy(asc(welfareHits.key))
    .all()
    .map((hit) => ({
      ...hit,
      evidence: (JSON.parse(hit.evidence) as EvidenceKey[]).map((e) => ({ ...e, fileName: files.get(e.batchId) ?? '' })),
    }));
}
