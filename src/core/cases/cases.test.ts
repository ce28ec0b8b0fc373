import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  api,
  type ActionFields,
  type Action,
  type AlertCounts,
  type Board,
  type CaseDetail,
  type DuplicateMatch,
  type ExportedFile,
  type InboxItem,
  type OrgUnit,
  type Role,
  type WireError,
} from '../../shared/api';
import { logIn, syntheticId, testCore } from '../testing/fixtures';
import { projectCase } from './project';

const PASSWORD = 'case-pass-2026';
const SUBJECT_ID = syntheticId('530702', '19700101', '123');

/** A commission with a county, a department and the people of a case: officer, leader, county officer. */
async function commission(start = '2026-06-01T02:00:00Z') {
  let now = new Date(start);
  const { core } = await testCore({ now: () => now });
  const [root] = (await core.call(api.units.list.name, {})) as OrgUnit[];
  const county = (await core.call(api.units.create.name, { code: '530721', name: '玉龙县', kind: 'county', parentId: root!.id })) as OrgUnit;
  const department = (await core.call(api.units.create.name, { code: '530700-03', name: '第三监督检查室', kind: 'department', parentId: root!.id })) as OrgUnit;
  const roles = (await core.call(api.roles.list.name, {})) as Role[];
  const addUser = async (username: string, role: string, unitId: string) => {
    const roleId = roles.find((r) => r.code === role)!.id;
    await core.call(api.users.create.name, { username, displayName: `${username}名`, unitId, roleId, password: PASSWORD });
  };
  await addUser('officer', 'case_management', root!.id);
  await addUser('officer2', 'case_management', root!.id);
  await addUser('leader', 'commission_leader', root!.id);
  await addUser('county', 'county_officer', county.id);
  await addUser('handler', 'case_officer', root!.id);
  const tokens = new Map<string, string>();
  /** calls as a user, logging in again after the clock moved past the session */
  const as = (username: string) => async <T>(name: string, input: unknown): Promise<T> => {
    if (!tokens.has(username)) tokens.set(username, await logIn(core, username, PASSWORD));
    return (await core.call(name, input, tokens.get(username))) as T;
  };
  return {
    core,
    root: root!,
    county,
    department,
    officer: as('officer'),
    officer2: as('officer2'),
    leader: as('leader'),
    countyOfficer: as('county'),
    handler: as('handler'),
    setToday(iso: string) {
      now = new Date(`${iso}T02:00:00Z`);
      tokens.clear();
    },
  };
}

type Commission = Awaited<ReturnType<typeof commission>>;
type Caller = Commission['officer'];

async function failure(promise: Promise<unknown>): Promise<WireError> {
  try {
    await promise;
  } catch (error) {
    return error as WireError;
  }
  throw new Error('expected a refusal');
}

function intake(c: Commission, over: Record<string, unknown> = {}) {
  return c.officer<CaseDetail>(api.cases.intake.name, {
    title: '某局长违规收受礼金',
    source: 'letters_visits',
    receivedDate: '2026-06-01',
    unitId: c.root.id,
    complainant: { named: true, name: '举报人甲' },
    subjects: [{ name: '王五', idNumber: SUBJECT_ID, unitId: c.department.id }],
    ...over,
  });
}

async function act(caller: Caller, detail: CaseDetail, action: Action, fields: ActionFields = {}, date?: string): Promise<CaseDetail> {
  return caller<CaseDetail>(api.cases.act.name, { caseId: detail.id, version: detail.version, action, fields, date });
}

async function approve(c: Commission, detail: CaseDetail): Promise<CaseDetail> {
  expect(detail.pendingProposal).not.toBeNull();
  return c.leader<CaseDetail>(api.cases.decide.name, { caseId: detail.id, version: detail.version, approve: true, comment: '同意' });
}

describe('a clue from intake to sanction', () => {
  it('walks intake, inquiry, preliminary check, investigation with detention, adjudication and sanction', async () => {
    const c = await commission();
    let d = await intake(c);
    expect(d.number).toBe('530700-2026-00001');
    expect(d.clocks.map((k) => [k.kind, k.due])).toEqual([
      // the Dragon Boat Festival holiday (19 June) is not counted
      ['complainant_notice', '2026-06-23'],
      ['intake_dispatch', '2026-06-08'],
    ]);
    d = await act(c.officer, d, 'dispatch', { departmentId: c.department.id });
    expect([d.stage, d.departmentName]).toEqual(['dispatched', '第三监督检查室']);
    d = await act(c.officer, d, 'notify_complainant');
    d = await approve(c, await act(c.officer, d, 'inquire'));
    expect(d.stage).toBe('inquiry');
    d = await act(c.officer, d, 'record_reply');
    d = await approve(c, await act(c.officer, d, 'check'));
    d = await approve(c, await act(c.officer, d, 'extend', { clock: 'preliminary_check', reason: '涉及多个单位' }));
    expect(d.clocks.find((k) => k.kind === 'preliminary_check')).toMatchObject({ due: '2026-09-01', extensions: 1 }); // 1 June + 2 + 1 months
    d = await approve(c, await act(c.officer, d, 'investigate'));
    d = await approve(c, await act(c.officer, d, 'detain'));
    d = await act(c.officer, d, 'notify_family');
    d = await act(c.officer, d, 'release');
    d = await act(c.officer, d, 'to_adjudication');
    const subject = d.subjects[0]!.id;
    d = await approve(c, await act(c.officer, d, 'decide', { sanctions: [{ subjectId: subject, kind: 'party_serious_warning' }] }));
    expect(d.stage).toBe('decision');
    d = await act(c.officer, d, 'announce');
    d = await act(c.officer, d, 'report_execution');

    expect([d.stage, d.outcome]).toEqual(['closed', 'sanction_executed']);
    expect(d.sanctions).toMatchObject([{ kind: 'party_serious_warning', decidedDate: '2026-06-01', effectiveUntil: '2027-12-01', superseded: false }]);
    // 一案双报告: inquiry and check are disposals, the investigation its own; each to two recipients
    expect(d.reports.map((r) => `${r.kind}:${r.recipient}`)).toEqual([
      'disposal:party_committee',
      'disposal:commission_above',
      'disposal:party_committee',
      'disposal:commission_above',
      'investigation:party_committee',
      'investigation:commission_above',
    ]);
    expect(d.clocks.every((k) => k.closedDate !== null)).toBe(true);
    expect(d.clocks.every((k) => k.light === 'green')).toBe(true);
    const approvals = d.events.filter((e) => e.approvals.length > 0);
    expect(approvals).toHaveLength(6);
    expect(approvals[0]!.approvals[0]).toMatchObject({ by: 'leader', byName: 'leader名', approved: true, comment: '同意' });
    expect(d.nextActions).toEqual([]);
  });
});

describe('refusals change nothing', () => {
  it('refuses an action the stage does not allow, a missing field, and a user without the permission', async () => {
    const c = await commission();
    const d = await intake(c);
    expect((await failure(act(c.officer, d, 'investigate'))).code).toBe('CASE_ACTION_NOT_ALLOWED');
    const missing = await failure(act(c.officer, d, 'dispatch'));
    expect([missing.code, missing.details?.fields]).toEqual(['CASE_FIELD_REQUIRED', ['departmentId']]);
    expect((await failure(act(c.leader, d, 'dispatch', { departmentId: c.department.id }))).code).toBe('FORBIDDEN');
    // a case officer handles cases but does not decide on clues at intake
    expect((await failure(act(c.handler, d, 'dispatch', { departmentId: c.department.id }))).code).toBe('FORBIDDEN');
    expect((await c.handler<CaseDetail>(api.cases.get.name, { id: d.id })).nextActions.map((o) => o.action)).toEqual(['notify_complainant', 'pause']);
    expect((await failure(act(c.officer, d, 'dispatch', { departmentId: c.department.id }, '2026-06-02'))).code).toBe('INVALID_INPUT');
    const after = await c.officer<CaseDetail>(api.cases.get.name, { id: d.id });
    expect([after.version, after.stage, after.events.length]).toEqual([1, 'intake', 1]);
  });

  it('the second of two officers acting on the same version gets a conflict, and the first one stands', async () => {
    const c = await commission();
    const d = await intake(c);
    await act(c.officer, d, 'dispatch', { departmentId: c.department.id });
    const conflict = await failure(act(c.officer2, d, 'not_accept', { reason: '不属于受理范围' }));
    expect([conflict.code, conflict.details?.actor]).toEqual(['CASE_VERSION_CONFLICT', 'officer']);
    const after = await c.officer2<CaseDetail>(api.cases.get.name, { id: d.id });
    expect([after.stage, after.version]).toEqual(['dispatched', 2]);
  });

  it('only the named approver role decides, and nothing else is done meanwhile', async () => {
    const c = await commission();
    let d = await act(c.officer, await intake(c), 'dispatch', { departmentId: c.department.id });
    d = await act(c.officer, d, 'inquire');
    expect([d.stage, d.awaitingApproval, d.canDecide, d.nextActions]).toEqual(['dispatched', true, false, []]);
    expect((await failure(act(c.officer, d, 'check'))).code).toBe('CASE_APPROVAL_PENDING');
    expect((await failure(c.officer(api.cases.decide.name, { caseId: d.id, version: d.version, approve: true }))).code).toBe('FORBIDDEN');
    const inbox = await c.leader<InboxItem[]>(api.cases.inbox.name, {});
    expect(inbox.map((i) => [i.case.id, i.proposal.action, i.proposal.proposedBy])).toEqual([[d.id, 'inquire', 'officer']]);
    expect((await c.leader<AlertCounts>(api.cases.alertCounts.name, {})).awaitingMyApproval).toBe(1);
    d = await c.leader<CaseDetail>(api.cases.decide.name, { caseId: d.id, version: d.version, approve: false, comment: '证据不足，请补充' });
    expect([d.stage, d.awaitingApproval, d.events.at(-1)!.kind]).toEqual(['dispatched', false, 'rejected']);
    expect(await c.leader<InboxItem[]>(api.cases.inbox.name, {})).toEqual([]);
  });
});

describe('undo', () => {
  it('takes the latest step back with a compensating event, by its author only', async () => {
    const c = await commission();
    let d = await act(c.officer, await intake(c), 'dispatch', { departmentId: c.department.id });
    expect(d.canUndo).toBe(true);
    expect((await failure(c.officer2(api.cases.undo.name, { caseId: d.id, version: d.version, reason: '误操作' }))).code).toBe('FORBIDDEN');
    d = await c.officer<CaseDetail>(api.cases.undo.name, { caseId: d.id, version: d.version, reason: '分办错了部门' });
    expect([d.stage, d.departmentId]).toEqual(['intake', null]);
    expect(d.clocks.find((k) => k.kind === 'intake_dispatch')!.closedDate).toBeNull();
    expect(d.events.map((e) => [e.kind, e.undoneBy !== null])).toEqual([
      ['opened', false],
      ['acted', true],
      ['undone', false],
    ]);
    expect((await failure(c.officer(api.cases.undo.name, { caseId: d.id, version: d.version, reason: 'x' }))).code).toBe('CASE_NOTHING_TO_UNDO');
  });
});

describe('scope', () => {
  it('a county officer sees and registers only the county’s clues', async () => {
    const c = await commission();
    const city = await intake(c);
    const countyClue = await c.countyOfficer<CaseDetail>(api.cases.intake.name, {
      title: '村干部优亲厚友',
      source: 'big_data',
      receivedDate: '2026-06-01',
      unitId: c.county.id,
      subjects: [{ name: '李四' }],
    });
    expect(countyClue.number).toBe('530721-2026-00001');
    const listed = await c.countyOfficer<{ rows: CaseDetail[]; total: number }>(api.cases.list.name, {});
    expect(listed.rows.map((r) => r.id)).toEqual([countyClue.id]);
    expect((await failure(c.countyOfficer(api.cases.get.name, { id: city.id }))).code).toBe('OUT_OF_SCOPE');
    expect((await failure(act(c.countyOfficer, city, 'not_accept', { reason: 'x' }))).code).toBe('OUT_OF_SCOPE');
    expect((await failure(c.countyOfficer(api.cases.intake.name, { title: 't', source: 'audit', receivedDate: '2026-06-01', unitId: c.root.id, subjects: [{ name: '甲' }] }))).code).toBe('OUT_OF_SCOPE');
    expect((await c.officer<{ total: number }>(api.cases.list.name, {})).total).toBe(2);
    // a person of the registry outside the county cannot be named by id
    const cityPerson = (await c.core.call(api.people.create.name, { name: '钱七', idNumber: syntheticId('530702', '19750303', '789'), unitId: c.root.id })) as { id: string };
    const refused = await failure(c.countyOfficer(api.cases.intake.name, { title: 't', source: 'audit', receivedDate: '2026-06-01', unitId: c.county.id, subjects: [{ personId: cityPerson.id, name: '?' }] }));
    expect(refused.code).toBe('NOT_FOUND');
  });

  it('lists the clues about one person of the registry', async () => {
    const c = await commission();
    const person = (await c.core.call(api.people.create.name, { name: '赵六', idNumber: syntheticId('530721', '19800202', '456'), unitId: c.county.id })) as { id: string };
    const about = await intake(c, { subjects: [{ personId: person.id, name: 'ignored' }] });
    await intake(c);
    expect(about.subjects[0]).toMatchObject({ personId: person.id, name: '赵六', unitName: '玉龙县' });
    const listed = await c.officer<{ rows: { id: string }[] }>(api.cases.list.name, { personId: person.id });
    expect(listed.rows.map((r) => r.id)).toEqual([about.id]);
  });

  it('finds clues by a subject’s name, pinyin initials, ID number start, the register number or the title', async () => {
    const c = await commission();
    const first = await intake(c);
    await intake(c, { title: '另一条线索', subjects: [{ name: '李四' }] });
    const found = async (query: string) => (await c.officer<{ rows: { id: string }[] }>(api.cases.list.name, { query })).rows.map((r) => r.id);
    for (const query of ['王五', 'ww', 'wangwu', SUBJECT_ID.slice(0, 10), '530700-2026-00001', '礼金']) expect(await found(query), query).toEqual([first.id]);
    expect(await found('100%')).toEqual([]);
  });
});

describe('duplicates', () => {
  it('finds a clue about the same ID number or the same name in the same unit, and merges it', async () => {
    const c = await commission();
    const first = await intake(c);
    const byId = await c.officer<DuplicateMatch[]>(api.cases.duplicates.name, { subjects: [{ name: '王 五', idNumber: SUBJECT_ID.toLowerCase() }] });
    expect(byId.map((m) => [m.case.id, m.reason])).toEqual([[first.id, 'id_number']]);
    const byName = await c.officer<DuplicateMatch[]>(api.cases.duplicates.name, { subjects: [{ name: '王五', unitId: c.department.id }] });
    expect(byName.map((m) => m.reason)).toEqual(['name_unit']);
    expect(await c.officer(api.cases.duplicates.name, { subjects: [{ name: '王五', unitId: c.county.id }] })).toEqual([]);

    const second = await intake(c, { title: '同一人的另一封举报', source: 'inspection_handover' });
    expect(second.duplicates.map((m) => m.case.id)).toEqual([first.id]);
    const merged = await c.officer<CaseDetail>(api.cases.merge.name, { duplicateId: second.id, intoId: first.id, reason: '同一问题' });
    expect(merged.id).toBe(first.id);
    const closed = await c.officer<CaseDetail>(api.cases.get.name, { id: second.id });
    expect([closed.stage, closed.outcome, closed.mergedInto?.id, closed.nextActions]).toEqual(['closed', 'merged', first.id, []]);
    expect(closed.clocks.every((k) => k.closedDate !== null || k.kind === 'complainant_notice')).toBe(true);
    expect((await c.officer<CaseDetail>(api.cases.get.name, { id: first.id })).duplicates).toEqual([]);
    expect((await failure(c.officer(api.cases.merge.name, { duplicateId: second.id, intoId: first.id }))).code).toBe('CASE_MERGE_INVALID');
  });
});

describe('deadlines', () => {
  it('the board shows a clock yellow when due soon, red when overdue, and green once closed', async () => {
    const c = await commission('2026-06-01T02:00:00Z');
    let d = await intake(c, { complainant: { named: false } });
    const board = () => c.officer<Board>(api.cases.board.name, {});
    expect((await board()).counts).toEqual({ red: 0, yellow: 1 });
    c.setToday('2026-06-09');
    const red = await board();
    expect(red.rows).toMatchObject([{ caseId: d.id, clock: 'intake_dispatch', due: '2026-06-08', light: 'red', workingDays: 1 }]);
    expect((await c.officer<{ total: number }>(api.cases.list.name, { light: 'red' })).total).toBe(1);
    d = await c.officer<CaseDetail>(api.cases.get.name, { id: d.id });
    expect(d.light).toBe('red');
    d = await act(c.officer, d, 'dispatch', { departmentId: c.department.id });
    expect(d.clocks.find((k) => k.kind === 'intake_dispatch')!.light).toBe('late');
    expect((await board()).counts).toEqual({ red: 0, yellow: 0 });
  });

  it('the board lists the most overdue first, up to its limit, and counts them all', async () => {
    const c = await commission('2026-06-10T02:00:00Z');
    for (const receivedDate of ['2026-06-01', '2026-05-20', '2026-06-09', '2026-05-25']) await intake(c, { receivedDate, complainant: { named: false } });
    const board = await c.officer<Board>(api.cases.board.name, { limit: 2 });
    expect(board.counts).toEqual({ red: 3, yellow: 1 });
    expect(board.rows.map((r) => [r.light, r.due])).toEqual([
      ['red', '2026-05-27'],
      ['red', '2026-06-01'],
    ]);
    await act(c.officer, await intake(c, { complainant: { named: false } }), 'not_accept', { reason: '重复举报' });
    for (const descending of [false, true]) {
      const byDue = await c.officer<{ rows: { nextDue: string | null }[] }>(api.cases.list.name, { sort: 'nextDue', descending });
      const dues = ['2026-05-27', '2026-06-01', '2026-06-08', '2026-06-16'];
      // a closed clue has no next due date: last either way
      expect(byDue.rows.map((r) => r.nextDue)).toEqual([...(descending ? dues.reverse() : dues), null]);
    }
    const all = await c.officer<Board>(api.cases.board.name, {});
    expect(all.rows.map((r) => r.light)).toEqual(['red', 'red', 'red', 'yellow']);
  });

  it('a pause stops a clock from running and the resume moves its due date', async () => {
    const c = await commission('2026-09-21T02:00:00Z');
    let d = await intake(c, { receivedDate: '2026-09-21' });
    c.setToday('2026-09-30');
    d = await act(c.officer, d, 'pause', { clock: 'complainant_notice', reason: '等待信访部门转来材料' });
    expect(d.clocks.find((k) => k.kind === 'complainant_notice')).toMatchObject({ pausedSince: '2026-09-30', light: 'open' });
    c.setToday('2026-10-09');
    d = await act(c.officer, d, 'resume', { clock: 'complainant_notice' });
    expect(d.clocks.find((k) => k.kind === 'complainant_notice')!.history.map((h) => h.due)).toEqual(['2026-10-19', '2026-10-21']);
  });

  it('a deadline past the calendar is unknown until an administrator adds the year', async () => {
    const c = await commission('2026-11-27T02:00:00Z');
    let d = await act(c.officer, await intake(c, { receivedDate: '2026-11-27' }), 'dispatch', { departmentId: c.department.id });
    d = await approve(c, await act(c.officer, d, 'investigate'));
    expect(d.clocks.find((k) => k.kind === 'investigation')).toMatchObject({ due: null, unknownYear: 2027, light: 'unknown' });
    expect((await c.officer<Board>(api.cases.board.name, {})).unknown).toEqual({ count: 1, years: [2027] });
    await c.core.call(api.calendar.putYear.name, {
      year: 2027,
      holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      workdays: [],
    });
    d = await c.officer<CaseDetail>(api.cases.get.name, { id: d.id });
    // 90 days from 27 November is 25 February 2027, a working day
    expect(d.clocks.find((k) => k.kind === 'investigation')).toMatchObject({ due: '2027-02-25', unknownYear: null, light: 'open' });
  });
});

describe('settings', () => {
  it('limits apply to clocks started after the change; an action with no approver applies at once', async () => {
    const c = await commission();
    const before = await intake(c, { complainant: { named: false } });
    const settings = await c.officer<{ limits: Record<string, unknown>; approvers: Record<string, string> }>(api.cases.settings.name, {});
    const { inquire: _dropped, ...approvers } = settings.approvers;
    await c.officer(api.cases.updateSettings.name, {
      ...settings,
      approvers,
      limits: { ...settings.limits, intake_dispatch: { unit: 'working_days', n: 3, extension: null, maxExtensions: 0 } },
    });
    const after = await intake(c, { complainant: { named: false } });
    expect((await c.officer<CaseDetail>(api.cases.get.name, { id: before.id })).clocks[0]!.due).toBe('2026-06-08');
    expect(after.clocks[0]!.due).toBe('2026-06-04');
    const inquired = await act(c.officer, await act(c.officer, after, 'dispatch', { departmentId: c.department.id }), 'inquire');
    expect(inquired.stage).toBe('inquiry');
    expect((await failure(c.countyOfficer(api.cases.updateSettings.name, settings))).code).toBe('FORBIDDEN');
  });
});

describe('statistics and exports', () => {
  it('counts clues by source, stage and disposal, and exports them to XLSX', async () => {
    const c = await commission();
    const a = await act(c.officer, await intake(c), 'dispatch', { departmentId: c.department.id });
    await approve(c, await act(c.officer, a, 'inquire'));
    await intake(c, { source: 'big_data' });
    const stats = await c.officer<{ bySource: { key: string; count: number }[]; byStage: { key: string; count: number }[]; byDisposal: { key: string; label: string; count: number }[] }>(api.cases.statistics.name, {});
    expect(stats.bySource.map((r) => [r.key, r.count])).toEqual([
      ['big_data', 1],
      ['letters_visits', 1],
    ]);
    expect(stats.byStage.map((r) => [r.key, r.count])).toEqual([
      ['inquiry', 1],
      ['intake', 1],
    ]);
    expect(stats.byDisposal).toEqual([{ key: 'inquire', label: '谈话函询', count: 1 }]);
    const file = await c.officer<ExportedFile>(api.cases.exportStatistics.name, {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('按线索来源')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '大数据监督发现', 1]);
    expect(file.fileName).toMatch(/^zhijian-case-statistics-2026-06-01\.xlsx$/);
  });
});

describe('the history is the record', () => {
  it('events cannot be changed or removed through SQL, and the derived tables rebuild from them alone', async () => {
    const c = await commission();
    let d = await act(c.officer, await intake(c), 'dispatch', { departmentId: c.department.id });
    d = await approve(c, await act(c.officer, d, 'check'));
    d = await act(c.officer, d, 'pause', { clock: 'preliminary_check', reason: '等待审计报告' });
    const { sqlite, db } = c.core.database;
    expect(() => sqlite.prepare("UPDATE case_events SET actor = 'someone'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);

    const before = await c.officer<CaseDetail>(api.cases.get.name, { id: d.id });
    sqlite.exec('DELETE FROM case_clocks; DELETE FROM case_reports; DELETE FROM case_sanctions; DELETE FROM case_state;');
    projectCase(db, d.id, new Date('2026-06-01T02:00:00Z'));
    const after = await c.officer<CaseDetail>(api.cases.get.name, { id: d.id });
    expect(after).toEqual({ ...before, updatedAt: after.updatedAt });
  });
});

describe('documents', () => {
  it('files a document with a step or with the case, reads it back (audited), and keeps it from other counties', async () => {
    const c = await commission();
    const d = await intake(c);
    const letter = Buffer.from('%PDF-1.4 函询通知书（合成样例）');
    const dispatched = await c.officer<CaseDetail>(api.cases.act.name, {
      caseId: d.id,
      version: d.version,
      action: 'dispatch',
      fields: { departmentId: c.department.id },
      attachments: [{ fileName: '分办意见.pdf', contentBase64: letter.toString('base64') }],
    });
    const withReport = await c.officer<CaseDetail>(api.cases.attach.name, { caseId: d.id, fileName: '核查报告.docx', contentBase64: Buffer.from('报告').toString('base64') });
    expect(withReport.documents.map((doc) => [doc.fileName, doc.eventId === dispatched.events[1]!.id])).toEqual([
      ['分办意见.pdf', true],
      ['核查报告.docx', false],
    ]);
    expect(withReport.events[1]!.attachments.map((a) => a.fileName)).toEqual(['分办意见.pdf']);
    const file = await c.officer<ExportedFile>(api.cases.document.name, { id: withReport.documents[0]!.id });
    expect(Buffer.from(file.contentBase64, 'base64').equals(letter)).toBe(true);
    const trail = (await c.core.call(api.audit.list.name, { procedure: 'cases.document' })) as { rows: { procedure: string; actor: string }[] };
    expect(trail.rows.some((e) => e.procedure === 'cases.document' && e.actor === 'officer')).toBe(true);
    expect((await failure(c.countyOfficer(api.cases.document.name, { id: withReport.documents[0]!.id }))).code).toBe('OUT_OF_SCOPE');
    expect((await failure(c.officer(api.cases.attach.name, { caseId: d.id, fileName: 'empty.txt', contentBase64: '' }))).code).toBe('INVALID_INPUT');
  });
});
