import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, type WireError } from '../../shared/api';
import type { HitDetail, HitPage } from '../../shared/api/welfare';
import { auditLog } from '../db/schema';
import { PEOPLE, verificationCommission, type VerificationCommission } from './hits.fixtures';

async function failure(promise: Promise<unknown>): Promise<WireError> {
  try {
    await promise;
  } catch (error) {
    return error as WireError;
  }
  throw new Error('expected a refusal');
}

const board = (c: VerificationCommission, filter: Record<string, unknown> = {}, as = c.analyst) => as<HitPage>(api.welfare.hits.name, filter);

describe('the hit board', () => {
  it('lists the current hits in county, township, village, rule, ID and period order, with totals', async () => {
    const c = await verificationCommission();
    const page = await board(c);
    expect(page.total).toBe(6);
    expect(page.rows.map((h) => h.id)).toEqual([c.hits.vehicle, c.hits.deadFeb, c.hits.deadMar, c.hits.twice, c.hits.official, c.hits.invalidId]);
    expect(page.rows[0]).toMatchObject({ rule: 'R5', name: '李四', county: '玉龙县', countyUnitId: c.yulong.id, status: 'new', current: true, assignedUnitId: null });
    expect(page.totals).toEqual({ amountFen: 590_000, recoverableFen: 530_000, confirmedRecoverableFen: 0 });
  });

  it('shows hits a later run no longer found only when asked', async () => {
    const c = await verificationCommission();
    const page = await board(c, { includeStale: true });
    expect(page.total).toBe(7);
    expect(page.rows.find((h) => h.id === c.hits.stale)).toMatchObject({ current: false, period: '2026-01' });
  });

  it('filters by rule, county, township, program, status and the search box, and pages', async () => {
    const c = await verificationCommission();
    const ids = async (filter: Record<string, unknown>) => (await board(c, filter)).rows.map((h) => h.id);
    expect(await ids({ rule: 'R1' })).toEqual([c.hits.deadFeb, c.hits.deadMar]);
    expect(await ids({ countyUnitId: c.ninglang.id })).toEqual([c.hits.official, c.hits.invalidId]);
    expect(await ids({ township: '白沙镇' })).toEqual([c.hits.vehicle]);
    expect(await ids({ program: '临时救助' })).toEqual([c.hits.official]);
    expect(await ids({ status: 'assigned' })).toEqual([]);
    expect(await ids({ query: PEOPLE.wang.slice(0, 10) })).toEqual([c.hits.official]);
    expect(await ids({ query: '李' })).toEqual([c.hits.vehicle]);
    // a name typed with a space between its characters is the same name
    expect(await ids({ query: '张 三', rule: 'R8' })).toEqual([c.hits.twice]);
    const page = await board(c, { offset: 2, limit: 2 });
    expect([page.total, page.rows.map((h) => h.id)]).toEqual([6, [c.hits.deadMar, c.hits.twice]]);
  });

  it('counts each facet under the other filters', async () => {
    const c = await verificationCommission();
    const page = await board(c, { countyUnitId: c.yulong.id, rule: 'R1' });
    expect(page.total).toBe(2);
    // rules: every rule found in 玉龙县; counties: every county with an R1 hit
    expect(page.facets.rules).toEqual([
      { value: 'R1', count: 2 },
      { value: 'R5', count: 1 },
      { value: 'R8', count: 1 },
    ]);
    expect(page.facets.counties).toEqual([{ value: c.yulong.id, name: '玉龙县', count: 2 }]);
    expect(page.facets.townships).toEqual([{ value: '黄山镇', count: 2 }]);
    expect(page.facets.statuses).toEqual([{ value: 'new', count: 2 }]);
    const all = await board(c);
    expect(all.facets.counties).toEqual([
      { value: c.yulong.id, name: '玉龙县', count: 4 },
      { value: c.ninglang.id, name: '宁蒗县', count: 2 },
    ]);
    expect(all.facets.programs).toEqual([
      { value: '临时救助', count: 1 },
      { value: '城乡低保', count: 4 },
      { value: '特困供养', count: 1 },
    ]);
  });

  it('shows a county officer only the hits assigned within their county', async () => {
    const c = await verificationCommission();
    expect((await board(c, {}, c.yulongOfficer)).total).toBe(0);
    await c.analyst(api.welfare.assign.name, { hitIds: [c.hits.deadFeb, c.hits.vehicle], unitId: c.yulong.id });
    await c.analyst(api.welfare.assign.name, { hitIds: [c.hits.official], unitId: c.ninglang.id });
    const yulong = await board(c, {}, c.yulongOfficer);
    expect(yulong.rows.map((h) => h.id)).toEqual([c.hits.vehicle, c.hits.deadFeb]);
    expect(yulong.facets.counties).toEqual([{ value: c.yulong.id, name: '玉龙县', count: 2 }]);
    expect(yulong.totals.amountFen).toBe(150_000);
    expect((await board(c, {}, c.ninglangOfficer)).rows.map((h) => h.id)).toEqual([c.hits.official]);
    // the city-wide leader sees every hit, read only
    expect((await board(c, {}, c.leader)).total).toBe(6);
  });
});

describe('a hit', () => {
  it('opens with its evidence records, its history and an audit entry', async () => {
    const c = await verificationCommission();
    await c.analyst(api.welfare.assign.name, { hitIds: [c.hits.deadMar], unitId: c.yulong.id });
    const detail = await c.yulongOfficer<HitDetail>(api.welfare.getHit.name, { id: c.hits.deadMar });
    expect(detail).toMatchObject({ rule: 'R1', idNumber: PEOPLE.zhang, status: 'assigned', assignedUnitName: '玉龙县' });
    expect(detail.evidence.map((e) => [e.dataset, e.fileName, e.row])).toEqual([
      ['disbursements', '2026年3月发放明细.csv', 3],
      ['disbursements', '2026年3月发放明细.csv', 4],
      ['deaths', '死亡人员.csv', 2],
    ]);
    expect(detail.evidence[0]!.fields).toMatchObject({ program: '城乡低保', period: '2026-03', id_number: PEOPLE.zhang, amount_fen: 60_000, village: '五台村' });
    expect(detail.evidence[2]!.fields).toMatchObject({ name: '张三', name_raw: '张 三', died_on: '2026-01-10' });
    expect(detail.evidence[0]!.fields).not.toHaveProperty('batch_no');
    expect(detail.history.map((e) => [e.kind, e.byName, e.unitId])).toEqual([
      ['found', '管理员', null],
      ['assigned', '数据分析员', c.yulong.id],
    ]);
    const trail = c.core.database.db.select().from(auditLog).where(eq(auditLog.procedure, 'welfare.getHit')).all();
    expect(trail.map((a) => [a.actor, JSON.parse(a.rows)])).toEqual([['yulong', [{ table: 'welfare_hits', id: c.hits.deadMar }]]]);
  });

  it('resolves evidence of another person than the recipient (a household member\'s car)', async () => {
    const c = await verificationCommission();
    const detail = await c.analyst<HitDetail>(api.welfare.getHit.name, { id: c.hits.vehicle });
    expect(detail.evidence[1]).toMatchObject({ dataset: 'vehicles', fileName: '机动车登记.xlsx', row: 5 });
    expect(detail.evidence[1]!.fields).toMatchObject({ id_number: PEOPLE.liWife, plate: '云P·A1234', vehicle_type: '小型轿车' });
  });

  it('is not found by a county officer outside whose county it is, and leaves no trace', async () => {
    const c = await verificationCommission();
    await c.analyst(api.welfare.assign.name, { hitIds: [c.hits.official], unitId: c.ninglang.id });
    expect((await failure(c.yulongOfficer(api.welfare.getHit.name, { id: c.hits.official }))).code).toBe('WELFARE_HIT_NOT_FOUND');
    // not yet assigned: no county sees it
    expect((await failure(c.ninglangOfficer(api.welfare.getHit.name, { id: c.hits.invalidId }))).code).toBe('WELFARE_HIT_NOT_FOUND');
    expect((await failure(c.analyst(api.welfare.getHit.name, { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }))).code).toBe('WELFARE_HIT_NOT_FOUND');
    expect(c.core.database.db.select().from(auditLog).where(eq(auditLog.procedure, 'welfare.getHit')).all()).toEqual([]);
  });
});
