// A commission with two counties and a month of hits already found, for the verification tests:
// batches, a few dataset rows and the hits that point at them, written through the write path as
// the import and the rules would leave them (the tests do not depend on either).
import { desc, eq, sql } from 'drizzle-orm';
import { api, type OrgUnit, type Role } from '../../shared/api';
import type { Dataset, RuleCode } from '../../shared/api/welfare';
import { anonymous } from '../api/caller';
import type { Core } from '../api/core';
import { HybridLogicalClock } from '../api/hlc';
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import { runWrite, type Writer } from '../api/write';
import {
  changeLog,
  users,
  welfareBatches,
  welfareHitEntries,
  welfareHits,
  wfDeaths,
  wfDisbursements,
  wfOfficials,
  wfVehicles,
} from '../db/schema';
import { logIn, syntheticId, testCore } from '../testing/fixtures';

const PASSWORD = 'welfare-pass-2026';

/** The same ID with a wrong check character: kept by the import, flagged invalid. */
const wrongCheck = (idNumber: string) => `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;

/** Synthetic recipients: 张三 died in January and was paid on; 李四's wife owns a car; 王五 is an official; 赵六's ID is wrong. */
export const PEOPLE = {
  zhang: syntheticId('530721', '19500101', '011'),
  li: syntheticId('530721', '19800202', '022'),
  liWife: syntheticId('530721', '19820505', '044'),
  wang: syntheticId('530724', '19700303', '033'),
  zhao: wrongCheck(syntheticId('530724', '19800101', '055')),
};

/** Runs `fn` through the one write path, as a procedure would. */
export function fixtureWrite<T>(core: Core, now: Date, fn: (w: Writer) => T): T {
  const { db, sqlite } = core.database;
  const last = db.select({ hlc: changeLog.hlc }).from(changeLog).orderBy(desc(changeLog.hlc)).limit(1).get();
  const clock = new HybridLogicalClock(core.nodeId, () => now.getTime(), last?.hlc);
  return runWrite(sqlite, db, clock, { caller: anonymous('fixture'), procedure: 'test.fixture', nodeId: core.nodeId, now: () => now }, (w) => ({
    result: fn(w),
  })).result;
}

function addBatch(w: Writer, dataset: Dataset, fileName: string, by: string, at: string): { id: string; no: number } {
  const no = (w.db.select({ max: sql<number | null>`max(${welfareBatches.no})` }).from(welfareBatches).get()?.max ?? 0) + 1;
  const id = newId();
  w.insert(welfareBatches, {
    id, no, dataset, fileName, sha256: newId().padEnd(64, '0'), size: 1000, sheet: null, mapping: '{}',
    importedBy: by, importedAt: at, rows: 10, accepted: 10, rejected: 0, status: 'complete',
  });
  return { id, no };
}

export type HitName = 'deadFeb' | 'deadMar' | 'twice' | 'vehicle' | 'official' | 'invalidId' | 'stale';

interface Units {
  yulong: OrgUnit;
  ninglang: OrgUnit;
}

/** The batches, rows and hits; returns hit ids by name. */
export function seedHits(core: Core, units: Units, now: Date): { hits: Record<HitName, string>; batches: Record<Dataset, string> } {
  return fixtureWrite(core, now, (w) => {
    const at = shanghaiTimestamp(now);
    const admin = w.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin')).get()!.id;
    const disb = addBatch(w, 'disbursements', '2026年3月发放明细.csv', admin, at);
    const deaths = addBatch(w, 'deaths', '死亡人员.csv', admin, at);
    const vehicles = addBatch(w, 'vehicles', '机动车登记.xlsx', admin, at);
    const officials = addBatch(w, 'officials', '公职人员.csv', admin, at);

    const pay = (row: number, idNumber: string, name: string, program: string, period: string, amountFen: number, county: string, township: string, village: string) =>
      w.db.insert(wfDisbursements).values({
        batchNo: disb.no, row, program, period, name, idNumber, idValid: idNumber !== PEOPLE.zhao,
        county, township, village, amountFen, paidOn: `${period}-15`, householdHeadId: idNumber === PEOPLE.li ? PEOPLE.li : null,
      }).run();
    pay(2, PEOPLE.zhang, '张三', '城乡低保', '2026-02', 60_000, '玉龙县', '黄山镇', '五台村');
    pay(3, PEOPLE.zhang, '张三', '城乡低保', '2026-03', 60_000, '玉龙县', '黄山镇', '五台村');
    pay(4, PEOPLE.zhang, '张三', '城乡低保', '2026-03', 60_000, '玉龙县', '黄山镇', '五台村');
    pay(5, PEOPLE.li, '李四', '特困供养', '2026-03', 90_000, '玉龙县', '白沙镇', '玉湖村');
    pay(6, PEOPLE.wang, '王五', '临时救助', '2026-03', 150_000, '宁蒗县', '大兴镇', '城关村');
    pay(7, PEOPLE.zhao, '赵六', '城乡低保', '2026-03', 50_000, '宁蒗县', '大兴镇', '城关村');
    pay(8, PEOPLE.zhang, '张三', '城乡低保', '2026-01', 60_000, '玉龙县', '黄山镇', '五台村');
    w.db.insert(wfDeaths).values({ batchNo: deaths.no, row: 2, name: '张三', nameRaw: '张 三', idNumber: PEOPLE.zhang, idValid: true, diedOn: '2026-01-10', source: '火化' }).run();
    w.db.insert(wfVehicles).values({
      batchNo: vehicles.no, row: 5, ownerName: '李四妻', idNumber: PEOPLE.liWife, idValid: true, plate: '云P·A1234', vehicleType: '小型轿车', registeredOn: '2024-06-01',
    }).run();
    w.db.insert(wfOfficials).values({
      batchNo: officials.no, row: 3, name: '王五', idNumber: PEOPLE.wang, idValid: true, unit: '宁蒗县财政局', category: '公务员', startOn: '2010-09-01',
    }).run();

    const runId = newId();
    const ev = (dataset: Dataset, batchId: string, row: number) => ({ dataset, batchId, row });
    const hit = (
      rule: RuleCode, idNumber: string, name: string, program: string, period: string, amountFen: number, recoverableFen: number,
      county: OrgUnit, township: string, village: string, evidence: ReturnType<typeof ev>[], current = true,
    ): string => {
      const id = newId();
      w.insert(welfareHits, {
        id, key: `${rule}|${idNumber}|${program}|${period}`, rule, idNumber, name, program, period, amountFen, recoverableFen,
        county: county.name, countyUnitId: county.id, township, village, confidence: 1, evidence: JSON.stringify(evidence),
        status: 'new', assignedUnitId: null, caseId: null, current, firstRunId: runId, lastRunId: runId, updatedAt: at,
      });
      w.insert(welfareHitEntries, { id: newId(), hitId: id, kind: 'found', at, by: admin, actor: 'admin' });
      return id;
    };
    const y = units.yulong;
    const n = units.ninglang;
    return {
      batches: { disbursements: disb.id, deaths: deaths.id, vehicles: vehicles.id, officials: officials.id } as Record<Dataset, string>,
      hits: {
        deadFeb: hit('R1', PEOPLE.zhang, '张三', '城乡低保', '2026-02', 60_000, 60_000, y, '黄山镇', '五台村', [ev('disbursements', disb.id, 2), ev('deaths', deaths.id, 2)]),
        deadMar: hit('R1', PEOPLE.zhang, '张三', '城乡低保', '2026-03', 120_000, 120_000, y, '黄山镇', '五台村', [ev('disbursements', disb.id, 3), ev('disbursements', disb.id, 4), ev('deaths', deaths.id, 2)]),
        twice: hit('R8', PEOPLE.zhang, '张三', '城乡低保', '2026-03', 120_000, 60_000, y, '黄山镇', '五台村', [ev('disbursements', disb.id, 3), ev('disbursements', disb.id, 4)]),
        vehicle: hit('R5', PEOPLE.li, '李四', '特困供养', '2026-03', 90_000, 90_000, y, '白沙镇', '玉湖村', [ev('disbursements', disb.id, 5), ev('vehicles', vehicles.id, 5)]),
        official: hit('R2', PEOPLE.wang, '王五', '临时救助', '2026-03', 150_000, 150_000, n, '大兴镇', '城关村', [ev('disbursements', disb.id, 6), ev('officials', officials.id, 3)]),
        invalidId: hit('R11', PEOPLE.zhao, '赵六', '城乡低保', '2026-03', 50_000, 50_000, n, '大兴镇', '城关村', [ev('disbursements', disb.id, 7)]),
        stale: hit('R1', PEOPLE.zhang, '张三', '城乡低保', '2026-01', 60_000, 60_000, y, '黄山镇', '五台村', [ev('disbursements', disb.id, 8), ev('deaths', deaths.id, 2)], false),
      },
    };
  });
}

/**
 * The commission (city root, 玉龙县 with a township, 宁蒗县), its users (a data analyst at the
 * root, a county officer in each county, a leader who may only read) and the seeded hits.
 */
export async function verificationCommission(start = '2026-04-10T02:00:00Z') {
  const now = new Date(start);
  const { core } = await testCore({ now: () => now });
  const [root] = (await core.call(api.units.list.name, {})) as OrgUnit[];
  const create = (code: string, name: string, kind: string, parentId: string) =>
    core.call(api.units.create.name, { code, name, kind, parentId }) as Promise<OrgUnit>;
  const yulong = await create('530721', '玉龙县', 'county', root!.id);
  const ninglang = await create('530724', '宁蒗县', 'county', root!.id);
  const township = await create('530721101', '黄山镇', 'township', yulong.id);
  const roles = (await core.call(api.roles.list.name, {})) as Role[];
  const addUser = async (username: string, displayName: string, role: string, unitId: string) => {
    const roleId = roles.find((r) => r.code === role)!.id;
    await core.call(api.users.create.name, { username, displayName, unitId, roleId, password: PASSWORD });
  };
  await addUser('analyst', '数据分析员', 'data_analyst', root!.id);
  await addUser('yulong', '玉龙核查员', 'county_officer', yulong.id);
  await addUser('ninglang', '宁蒗核查员', 'county_officer', ninglang.id);
  await addUser('leader', '委领导', 'commission_leader', root!.id);
  const tokens = new Map<string, string>();
  const as = (username: string) => async <T>(name: string, input: unknown): Promise<T> => {
    if (!tokens.has(username)) tokens.set(username, await logIn(core, username, PASSWORD));
    return (await core.call(name, input, tokens.get(username))) as T;
  };
  const seeded = seedHits(core, { yulong, ninglang }, now);
  return {
    core,
    now,
    root: root!,
    yulong,
    ninglang,
    township,
    ...seeded,
    admin: <T>(name: string, input: unknown) => core.call(name, input) as Promise<T>,
    analyst: as('analyst'),
    yulongOfficer: as('yulong'),
    ninglangOfficer: as('ninglang'),
    leader: as('leader'),
  };
}

export type VerificationCommission = Awaited<ReturnType<typeof verificationCommission>>;
