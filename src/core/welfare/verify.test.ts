import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { api, type CaseDetail, type ExportedFile, type Role, type WireError } from '../../shared/api';
import type { HitDetail, HitPage } from '../../shared/api/welfare';
import { auditLog, welfareHits } from '../db/schema';
import { PEOPLE, verificationCommission, type VerificationCommission } from './hits.fixtures';

async function failure(promise: Promise<unknown>): Promise<WireError> {
  try {
    await promise;
  } catch (error) {
    return error as WireError;
  }
  throw new Error('expected a refusal');
}

const assign = (c: VerificationCommission, hitIds: string[], unitId: string) => c.analyst<{ assigned: number }>(api.welfare.assign.name, { hitIds, unitId });
const hit = (c: VerificationCommission, id: string) => c.admin<HitDetail>(api.welfare.getHit.name, { id });
const attachment = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text).toString('base64') });
const storedStatus = (c: VerificationCommission, id: string) =>
  c.core.database.db.select({ status: welfareHits.status, unit: welfareHits.assignedUnitId }).from(welfareHits).where(eq(welfareHits.id, id)).get();

describe('assigning hits to a county', () => {
  it('assigns new hits, counts only those that moved, and re-assigns while no finding is recorded', async () => {
    const c = await verificationCommission();
    expect(await assign(c, [c.hits.deadFeb, c.hits.deadMar], c.yulong.id)).toEqual({ assigned: 2 });
    expect(await assign(c, [c.hits.deadFeb, c.hits.vehicle], c.yulong.id)).toEqual({ assigned: 1 });
    expect(await assign(c, [c.hits.deadFeb], c.ninglang.id)).toEqual({ assigned: 1 });
    const detail = await hit(c, c.hits.deadFeb);
    expect([detail.status, detail.assignedUnitName]).toEqual(['assigned', '宁蒗县']);
    expect(detail.history.map((e) => [e.kind, e.unitId])).toEqual([
      ['found', null],
      ['assigned', c.yulong.id],
      ['assigned', c.ninglang.id],
    ]);
    expect((await failure(c.yulongOfficer(api.welfare.getHit.name, { id: c.hits.deadFeb }))).code).toBe('WELFARE_HIT_NOT_FOUND');
    // the commission itself may keep a hit to verify
    expect(await assign(c, [c.hits.official], c.root.id)).toEqual({ assigned: 1 });
  });

  it('refuses a unit that is not a county or the city, an unknown unit or hit, and a caller without the analyse permission', async () => {
    const c = await verificationCommission();
    const township = await failure(assign(c, [c.hits.deadFeb], c.township.id));
    expect([township.code, String(township.details?.issues)]).toEqual(['INVALID_INPUT', 'unitId: 黄山镇 is not a county or the city']);
    expect((await failure(assign(c, [c.hits.deadFeb], '01JZZZZZZZZZZZZZZZZZZZZZZZ'))).code).toBe('UNIT_NOT_FOUND');
    expect((await failure(assign(c, [c.hits.deadFeb, '01JZZZZZZZZZZZZZZZZZZZZZZZ'], c.yulong.id))).code).toBe('WELFARE_HIT_NOT_FOUND');
    expect(storedStatus(c, c.hits.deadFeb)).toEqual({ status: 'new', unit: null });
    expect((await failure(c.yulongOfficer(api.welfare.assign.name, { hitIds: [c.hits.deadFeb], unitId: c.yulong.id }))).code).toBe('FORBIDDEN');
  });

  it('refuses the whole request when a hit already has a finding, naming it', async () => {
    const c = await verificationCommission();
    await assign(c, [c.hits.deadFeb], c.yulong.id);
    await c.yulongOfficer(api.welfare.recordFinding.name, { hitId: c.hits.deadFeb, finding: 'confirmed' });
    const refusal = await failure(assign(c, [c.hits.vehicle, c.hits.deadFeb], c.ninglang.id));
    expect(refusal.code).toBe('INVALID_INPUT');
    expect(String(refusal.details?.issues)).toContain(`${c.hits.deadFeb} (张三 R1 2026-02): already confirmed`);
    expect(storedStatus(c, c.hits.vehicle)).toEqual({ status: 'new', unit: null });
    expect(storedStatus(c, c.hits.deadFeb)).toEqual({ status: 'confirmed', unit: c.yulong.id });
  });
});

describe("the county's finding", () => {
  it('needs an assigned hit, a reason for an explanation or a data error, and an amount only when confirmed', async () => {
    const c = await verificationCommission();
    expect((await failure(c.admin(api.welfare.recordFinding.name, { hitId: c.hits.deadFeb, finding: 'confirmed' }))).code).toBe('WELFARE_HIT_NOT_ASSIGNED');
    await assign(c, [c.hits.deadFeb], c.yulong.id);
    const record = (input: Record<string, unknown>) => c.yulongOfficer<HitDetail>(api.welfare.recordFinding.name, { hitId: c.hits.deadFeb, ...input });
    expect((await failure(record({ finding: 'explained' }))).code).toBe('INVALID_INPUT');
    expect((await failure(record({ finding: 'data_error', reason: '  ' }))).code).toBe('INVALID_INPUT');
    expect((await failure(record({ finding: 'explained', reason: '已退回', recoverableFen: 100 }))).code).toBe('INVALID_INPUT');
    expect((await hit(c, c.hits.deadFeb)).status).toBe('assigned');
    expect((await record({ finding: 'data_error', reason: '死亡日期录入错误' })).status).toBe('data_error');
    // another county's officer does not see it at all
    expect((await failure(c.ninglangOfficer(api.welfare.recordFinding.name, { hitId: c.hits.deadFeb, finding: 'confirmed' }))).code).toBe('WELFARE_HIT_NOT_FOUND');
  });

  it('files documents with the finding; a correction replaces the status and the history keeps both', async () => {
    const c = await verificationCommission();
    await assign(c, [c.hits.deadFeb], c.yulong.id);
    let detail = await c.yulongOfficer<HitDetail>(api.welfare.recordFinding.name, {
      hitId: c.hits.deadFeb,
      finding: 'confirmed',
      recoverableFen: 55_000,
      documents: [attachment('入户核查笔录.txt', '经入户核查，张三已于2026年1月去世。')],
    });
    expect(detail.status).toBe('confirmed');
    expect(detail.documents).toEqual([expect.objectContaining({ fileName: '入户核查笔录.txt', addedByName: '玉龙核查员' })]);
    detail = await c.yulongOfficer<HitDetail>(api.welfare.recordFinding.name, {
      hitId: c.hits.deadFeb,
      finding: 'explained',
      reason: '家属已主动退回',
      documents: [attachment('退款凭证.txt', '退款凭证')],
    });
    expect(detail.status).toBe('explained');
    expect(detail.history.filter((e) => e.kind === 'finding').map((e) => [e.finding, e.reason, e.recoverableFen, e.byName])).toEqual([
      ['confirmed', null, 55_000, '玉龙核查员'],
      ['explained', '家属已主动退回', null, '玉龙核查员'],
    ]);
    expect(detail.documents.map((d) => d.fileName)).toEqual(['入户核查笔录.txt', '退款凭证.txt']);

    const doc = detail.documents[0]!;
    const file = await c.yulongOfficer<ExportedFile>(api.welfare.getDocument.name, { hitId: c.hits.deadFeb, documentId: doc.id });
    expect([file.fileName, Buffer.from(file.contentBase64, 'base64').toString()]).toEqual(['入户核查笔录.txt', '经入户核查，张三已于2026年1月去世。']);
    const trail = c.core.database.db.select().from(auditLog).where(eq(auditLog.procedure, 'welfare.getDocument')).all();
    expect(trail.map((a) => [a.actor, JSON.parse(a.rows)])).toEqual([['yulong', [{ table: 'welfare_hit_documents', id: doc.id }]]]);
    expect((await failure(c.ninglangOfficer(api.welfare.getDocument.name, { hitId: c.hits.deadFeb, documentId: doc.id }))).code).toBe('WELFARE_HIT_NOT_FOUND');
    // a document of one hit is not reached through another
    expect((await failure(c.admin(api.welfare.getDocument.name, { hitId: c.hits.deadMar, documentId: doc.id }))).code).toBe('NOT_FOUND');
  });

  it('totals what is confirmed to recover, with the amount the county gave where it gave one', async () => {
    const c = await verificationCommission();
    await assign(c, [c.hits.deadFeb, c.hits.twice, c.hits.vehicle], c.yulong.id);
    const find = (hitId: string, input: Record<string, unknown>) => c.yulongOfficer(api.welfare.recordFinding.name, { hitId, ...input });
    await find(c.hits.deadFeb, { finding: 'confirmed', recoverableFen: 55_000 });
    await find(c.hits.twice, { finding: 'confirmed' });
    await find(c.hits.vehicle, { finding: 'confirmed', recoverableFen: 1_000 });
    // corrected: the vehicle turns out to be a tractor, so nothing is to be recovered for it
    await find(c.hits.vehicle, { finding: 'explained', reason: '登记车型有误，实为拖拉机' });
    const totals = async (filter: Record<string, unknown> = {}) => (await c.analyst<HitPage>(api.welfare.hits.name, filter)).totals;
    expect(await totals()).toEqual({ amountFen: 590_000, recoverableFen: 530_000, confirmedRecoverableFen: 55_000 + 60_000 });
    expect((await totals({ rule: 'R8' })).confirmedRecoverableFen).toBe(60_000);
    // handed over still counts as confirmed
    await c.yulongOfficer(api.welfare.handOver.name, { hitId: c.hits.deadFeb });
    expect((await totals()).confirmedRecoverableFen).toBe(115_000);
  });
});

describe('handing confirmed hits over as a clue', () => {
  async function confirmed(c: VerificationCommission) {
    await assign(c, [c.hits.deadFeb, c.hits.deadMar, c.hits.twice, c.hits.vehicle], c.yulong.id);
    const find = (hitId: string, input: Record<string, unknown>) => c.yulongOfficer(api.welfare.recordFinding.name, { hitId, ...input });
    await find(c.hits.deadFeb, { finding: 'confirmed', recoverableFen: 50_000 });
    await find(c.hits.deadMar, { finding: 'confirmed' });
    await find(c.hits.twice, { finding: 'explained', reason: '同月补发上月待遇' });
    await find(c.hits.vehicle, { finding: 'confirmed' });
  }

  it("registers one clue from the recipient's confirmed hits, with the evidence attached, and marks the hits", async () => {
    const c = await verificationCommission();
    await confirmed(c);
    const result = await c.yulongOfficer<{ caseId: string; hitIds: string[] }>(api.welfare.handOver.name, { hitId: c.hits.deadMar });
    expect(result.hitIds).toEqual([c.hits.deadFeb, c.hits.deadMar]);

    const clue = await c.yulongOfficer<CaseDetail>(api.cases.get.name, { id: result.caseId });
    expect(clue).toMatchObject({ source: 'big_data', unitId: c.yulong.id, receivedDate: '2026-04-10', stage: 'intake', number: '530721-2026-00001' });
    expect(clue.subjects.map((s) => [s.name, s.idNumber])).toEqual([['张三', PEOPLE.zhang]]);
    expect(clue.title).toBe('张三违规领取惠民资金（死亡人员领取）');
    expect(clue.summary.split('\n')).toEqual([
      `经大数据比对，张三（身份证号${PEOPLE.zhang}）有2条疑点经玉龙县核查属实，涉及金额1,800.00元，核实应追回金额1,700.00元：`,
      '死亡人员领取：城乡低保，2026-02，发放600.00元，应追回500.00元。',
      '死亡人员领取：城乡低保，2026-03，发放1,200.00元，应追回1,200.00元。',
    ]);

    expect(clue.documents.map((d) => d.fileName)).toEqual(['疑点证据-张三-2026-04-10.csv']);
    const file = await c.yulongOfficer<ExportedFile>(api.cases.document.name, { id: clue.documents[0]!.id });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1)).data;
    expect(rows[0]!.slice(0, 3)).toEqual(['规则', '比对规则', '身份证号']);
    expect(rows.slice(1).map((r) => [r[0], r[5], r[7], r[10], r[11], r[12]])).toEqual([
      ['R1', '2026-02', '500.00', '资金发放明细', '2026年3月发放明细.csv', '2'],
      ['R1', '2026-02', '500.00', '死亡人员信息', '死亡人员.csv', '2'],
      ['R1', '2026-03', '1200.00', '资金发放明细', '2026年3月发放明细.csv', '3'],
      ['R1', '2026-03', '1200.00', '资金发放明细', '2026年3月发放明细.csv', '4'],
      ['R1', '2026-03', '1200.00', '死亡人员信息', '死亡人员.csv', '2'],
    ]);
    expect(rows[2]![13]).toContain('died_on=2026-01-10');

    for (const id of result.hitIds) {
      const detail = await hit(c, id);
      expect([detail.status, detail.caseId]).toEqual(['handed_over', result.caseId]);
      expect(detail.history.at(-1)).toMatchObject({ kind: 'handed_over', caseId: result.caseId, unitId: c.yulong.id, byName: '玉龙核查员' });
    }
    // the explained hit of the same recipient stays with the county; 李四's confirmed hit is another person's
    expect((await hit(c, c.hits.twice)).status).toBe('explained');
    expect((await hit(c, c.hits.vehicle)).status).toBe('confirmed');
    // nothing confirmed is left for 张三, and a handed-over hit's finding is no longer changed
    expect((await failure(c.yulongOfficer(api.welfare.handOver.name, { hitId: c.hits.deadFeb }))).code).toBe('WELFARE_NOTHING_TO_HAND_OVER');
    expect((await failure(c.yulongOfficer(api.welfare.recordFinding.name, { hitId: c.hits.deadFeb, finding: 'data_error', reason: '误报' }))).code).toBe('INVALID_INPUT');
  });

  it('has nothing to hand over for a recipient with no confirmed hit, or a hit out of scope', async () => {
    const c = await verificationCommission();
    await confirmed(c);
    await assign(c, [c.hits.official], c.ninglang.id);
    expect((await failure(c.ninglangOfficer(api.welfare.handOver.name, { hitId: c.hits.official }))).code).toBe('WELFARE_NOTHING_TO_HAND_OVER');
    expect((await failure(c.admin(api.welfare.handOver.name, { hitId: c.hits.invalidId }))).code).toBe('WELFARE_NOTHING_TO_HAND_OVER');
    expect((await failure(c.ninglangOfficer(api.welfare.handOver.name, { hitId: c.hits.vehicle }))).code).toBe('WELFARE_HIT_NOT_FOUND');
  });

  it('names a recipient with an invalid ID number without it, keeping the number in the summary', async () => {
    const c = await verificationCommission();
    await assign(c, [c.hits.invalidId], c.ninglang.id);
    await c.ninglangOfficer(api.welfare.recordFinding.name, { hitId: c.hits.invalidId, finding: 'confirmed' });
    const { caseId } = await c.ninglangOfficer<{ caseId: string }>(api.welfare.handOver.name, { hitId: c.hits.invalidId });
    const clue = await c.ninglangOfficer<CaseDetail>(api.cases.get.name, { id: caseId });
    expect(clue.subjects.map((s) => [s.name, s.idNumber])).toEqual([['赵六', null]]);
    expect(clue.summary).toContain(PEOPLE.zhao);
  });

  it('needs the intake permission besides the verify permission, and changes nothing without it', async () => {
    const c = await verificationCommission();
    await confirmed(c);
    expect((await failure(c.leader(api.welfare.handOver.name, { hitId: c.hits.deadFeb }))).code).toBe('FORBIDDEN');
    const roles = await c.admin<Role[]>(api.roles.list.name, {});
    const county = roles.find((r) => r.code === 'county_officer')!;
    await c.admin(api.roles.update.name, { id: county.id, permissions: county.permissions.filter((p) => p !== 'cases.intake') });
    const refusal = await failure(c.yulongOfficer(api.welfare.handOver.name, { hitId: c.hits.deadFeb }));
    expect([refusal.code, refusal.details?.permission]).toEqual(['FORBIDDEN', 'cases.intake']);
    expect((await hit(c, c.hits.deadFeb)).status).toBe('confirmed');
  });
});
