// The demo's welfare supervision: three months of payments for the demo prefecture and the
// registries they are compared with (scripts/welfare, small), imported by the analyst as files
// with their provenance, the rules run, a share of the hits sent to the counties, findings
// recorded by the county officers (confirmed, explained, data error) and one confirmed hit
// handed over as a clue. Everything through the real functions, acting as the demo accounts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { welfare as welfareApi, type Dataset, type Finding, type RuleCode } from '../../shared/api/welfare';
import type { RoleCode } from '../../shared/api/permissions';
import { generateWelfareMonth } from '../../../scripts/welfare/generate';
import type { Caller } from '../api/caller';
import type { Context } from '../api/context';
import { shanghaiDate } from '../api/time';
import { callerFor } from '../auth/caller';
import type { Db } from '../db/open';
import { orgUnits, roles, users, welfareHits } from '../db/schema';
import { runRules } from '../welfare/check';
import { importWelfareFile } from '../welfare/import/import-file';
import { assignHits, handOver, recordFinding } from '../welfare/verify';

const DEMO_WELFARE_SEED = 530_721;
/** disbursement rows over the three months: enough for every rule, small enough to seed in a second */
const DEMO_ROWS = 3_000;
const MONTHS = 3;

/** Files as the bureaus send them: the batch keeps the name. */
function fileNames(periods: readonly string[]): Record<Dataset, string> {
  const [first, last] = [periods[0]!, periods.at(-1)!];
  const span = `${first.slice(0, 4)}年${Number(first.slice(5))}-${Number(last.slice(5))}月`;
  return {
    standards: '丽江市城乡低保特困供养等保障标准.csv',
    officials: '全市公职人员及村(社区)干部信息.csv',
    relatives: '公职人员亲属关系.csv',
    deaths: `公安户籍注销及殡葬火化数据(截至${last.slice(0, 4)}年${Number(last.slice(5))}月).csv`,
    vehicles: '机动车登记信息.csv',
    properties: '不动产登记信息.csv',
    businesses: '市场主体登记信息.csv',
    disbursements: `丽江市${span}民生资金发放明细.csv`,
  };
}

const IMPORT_ORDER: readonly Dataset[] = ['standards', 'officials', 'relatives', 'deaths', 'vehicles', 'properties', 'businesses', 'disbursements'];

/** The three whole months before today's. */
export function demoPeriods(today: string): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS }, (_, i) => {
    const total = y * 12 + (m - 1) - (MONTHS - i);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** A demo account as the functions see it, when it exists with its demo role. */
function demoCaller(db: Db, username: string, role: RoleCode): Caller | null {
  const row = db
    .select({ id: users.id, role: roles.code })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(eq(users.username, username))
    .get();
  if (!row || row.role !== role) return null;
  return callerFor(db, { token: '', userId: row.id, createdAt: 0, lastActivity: 0, locked: false });
}

/**
 * What a county officer finds on the first hit of each rule sent to them, at most a few of each
 * kind: the wealth and kin rules confirmed, the account and property ones explained, the ID
 * number ones data errors.
 */
const FINDINGS: readonly { rule: RuleCode; finding: Finding; reason: string | null }[] = [
  { rule: 'R1', finding: 'confirmed', reason: null },
  { rule: 'R5', finding: 'confirmed', reason: null },
  { rule: 'R2', finding: 'confirmed', reason: null },
  { rule: 'R9', finding: 'confirmed', reason: null },
  { rule: 'R4', finding: 'confirmed', reason: null },
  { rule: 'R7', finding: 'confirmed', reason: null },
  { rule: 'R3', finding: 'confirmed', reason: null },
  { rule: 'R8', finding: 'confirmed', reason: null },
  { rule: 'R10', finding: 'explained', reason: '经入户核查，该账户为村代办员统一代领后足额转交，已责令改为本人账户发放。' },
  { rule: 'R6', finding: 'explained', reason: '名下商铺系继承所得且已出租，租金收入已计入家庭收入核算，仍符合保障条件。' },
  { rule: 'R11', finding: 'data_error', reason: '系民政系统录入时身份证号错误，已按户籍信息更正。' },
  { rule: 'R12', finding: 'data_error', reason: '核实为同名人员，身份证号录入有误，本人健在，已更正。' },
];
const MOST_OF_A_KIND = 3;

const VISIT_RECORD = Buffer.from('入户核查记录\n核查人：县纪委监委第一纪检监察室\n核查结论：情况属实，拟追回违规发放资金。\n', 'utf8').toString('base64');

interface DemoHit {
  id: string;
  rule: RuleCode;
  countyUnitId: string | null;
}

function currentHits(db: Db): DemoHit[] {
  return db
    .select({ id: welfareHits.id, rule: welfareHits.rule, countyUnitId: welfareHits.countyUnitId })
    .from(welfareHits)
    .where(eq(welfareHits.current, true))
    .orderBy(asc(welfareHits.key))
    .all();
}

export interface DemoWelfareSummary {
  batches: number;
  hits: number;
  assigned: number;
  findings: number;
  handedOver: number;
}

/**
 * Seeds the welfare module once the demo units and accounts exist; does nothing (null) when the
 * analyst or the county officers are missing or hold other roles.
 */
export async function seedDemoWelfare(ctx: Context): Promise<DemoWelfareSummary | null> {
  const analyst = demoCaller(ctx.db, 'analyst', 'data_analyst');
  const officers = new Map<string, Caller | null>([
    ['530721', demoCaller(ctx.db, 'yulong', 'county_officer')],
    ['530724', demoCaller(ctx.db, 'ninglang', 'county_officer')],
  ]);
  if (!analyst || [...officers.values()].some((o) => !o)) return null;
  const counties = new Map(
    ctx.db
      .select({ id: orgUnits.id, code: orgUnits.code })
      .from(orgUnits)
      .where(eq(orgUnits.kind, 'county'))
      .all()
      .map((u) => [u.id, u.code]),
  );

  const periods = demoPeriods(shanghaiDate(ctx.now()));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-demo-welfare-'));
  const caller = ctx.caller;
  const as = <T>(who: Caller, fn: () => T): T => {
    ctx.caller = who;
    try {
      return fn();
    } finally {
      ctx.caller = caller;
    }
  };
  try {
    const month = generateWelfareMonth(dir, { disbursements: DEMO_ROWS, periods, perRule: 2, seed: DEMO_WELFARE_SEED });
    const names = fileNames(periods);
    for (const dataset of IMPORT_ORDER) {
      ctx.caller = analyst;
      try {
        await importWelfareFile(ctx, { path: month.files[dataset], fileName: names[dataset], dataset });
      } finally {
        ctx.caller = caller;
      }
    }
    ctx.caller = analyst;
    try {
      await runRules(ctx);
    } finally {
      ctx.caller = caller;
    }

    // the analyst sends every hit of 玉龙县 and 宁蒗县 and every other hit of the other counties
    const hits = currentHits(ctx.db);
    const byUnit = new Map<string, string[]>();
    let other = 0;
    for (const hit of hits) {
      if (!hit.countyUnitId) continue;
      const own = officers.has(counties.get(hit.countyUnitId) ?? '');
      if (!own && other++ % 2 === 1) continue;
      byUnit.set(hit.countyUnitId, [...(byUnit.get(hit.countyUnitId) ?? []), hit.id]);
    }
    const assigned = as(analyst, () =>
      ctx.write(
        (w) => [...byUnit].reduce((n, [unitId, ids]) => n + assignHits(w, analyst, ids, unitId, ctx.now()), 0),
        (n) => ({ demo: 'welfare.assign', assigned: n }),
      ),
    );

    // each county officer records findings on the first hits of some rules, and 玉龙县 hands one over
    let findings = 0;
    let handedOver = 0;
    for (const [code, officer] of officers) {
      const unitId = [...counties].find(([, c]) => c === code)?.[0];
      const own = hits.filter((h) => h.countyUnitId === unitId);
      const firstConfirmed = as(officer!, () =>
        ctx.write(
          (w) => {
            let confirmed: string | null = null;
            const made = new Map<Finding, number>();
            for (const plan of FINDINGS) {
              const hit = own.find((h) => h.rule === plan.rule);
              if (!hit || (made.get(plan.finding) ?? 0) >= MOST_OF_A_KIND) continue;
              made.set(plan.finding, (made.get(plan.finding) ?? 0) + 1);
              const input = welfareApi.recordFinding.input.parse({
                hitId: hit.id,
                finding: plan.finding,
                reason: plan.reason,
                documents: plan.finding === 'confirmed' && !confirmed ? [{ fileName: '入户核查记录.txt', contentBase64: VISIT_RECORD }] : [],
              });
              recordFinding(w, officer!, input, ctx.now());
              findings += 1;
              if (plan.finding === 'confirmed') confirmed ??= hit.id;
            }
            return confirmed;
          },
          (id) => ({ demo: 'welfare.recordFinding', firstConfirmed: id }),
        ),
      );
      if (code === '530721' && firstConfirmed) {
        handedOver += as(officer!, () => ctx.write((w) => handOver(w, officer!, firstConfirmed, ctx.now()), (r) => ({ caseId: r.caseId }))).hitIds.length;
      }
    }
    return { batches: IMPORT_ORDER.length, hits: hits.length, assigned, findings, handedOver };
  } finally {
    ctx.caller = caller;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
