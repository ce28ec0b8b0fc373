import { beforeAll, describe, expect, it } from 'vitest';
import { allProcedures, api, type CaseDetail, type OrgUnit, type PeopleImportReport, type Person, type Role } from '../../shared/api';
import type { Core } from '../api/core';
import { AppError } from '../api/errors';
import { DEMO_PASSWORD } from '../demo/accounts';
import { cases, caseSubjects, orgUnits, people, welfareBatches, welfareHitDocuments, welfareHits } from '../db/schema';
import { logIn, syntheticId, testCore } from '../testing/fixtures';
import { unitAndDescendants } from '../registry/units';

/** A sample input for every procedure that only reads; a new one without a sample fails the test. */
const QUERY_INPUTS: Record<string, unknown> = {
  'auth.status': {},
  'system.info': {},
  'units.list': {},
  'people.search': { limit: 500 },
  'people.get': null, // per row, below
  'users.list': {},
  'roles.list': {},
  'audit.list': { limit: 500 },
  'audit.verify': {},
  'backup.list': {},
  'cases.list': { limit: 500 },
  'cases.get': null, // per row, below
  'cases.duplicates': null, // with an outside subject, below
  'cases.document': null, // per row, below
  'cases.inbox': {},
  'cases.board': {},
  'cases.alertCounts': {},
  'cases.statistics': {},
  'cases.exportStatistics': {},
  'cases.exportDigest': {},
  'cases.settings': {},
  'calendar.years': {},
  'calendar.due': { from: '2026-03-02', unit: 'days', n: 5 },
  'files.beginUpload': { fileName: 'x.csv', size: 1 },
  'files.appendUpload': null, // an upload of the caller's own, below
  'files.finishUpload': null,
  'files.discardUpload': null,
  'welfare.inspectFile': null,
  'welfare.cancelImport': { uploadId: '0'.repeat(26) },
  'welfare.cancelRun': { jobId: 'no-such-run' },
  'welfare.batches': {},
  'sync.peers': {},
  'sync.status': {},
  'sync.syncNow': {},
  'sync.previewBundle': null, // an upload of the caller's own, below
  'welfare.rejectedRows': null, // per row, below
  'welfare.runs': {},
  'welfare.runUnderWay': {},
  'welfare.hits': { limit: 500, includeStale: true },
  'welfare.getHit': null,
  'welfare.getDocument': null,
  'welfare.exportBoard': {},
  'welfare.exportCountyList': null,
  'welfare.exportSummary': {},
  'welfare.settings': {},
};

/** An upload of the session's own holding a one-line CSV; finished if asked. */
async function ownUpload(session: string, finish: boolean): Promise<string> {
  const { uploadId } = (await core.call(api.files.beginUpload.name, { fileName: 'x.csv', size: 4 }, session)) as { uploadId: string };
  await core.call(api.files.appendUpload.name, { uploadId, offset: 0, chunkBase64: Buffer.from('a,b\n').toString('base64') }, session);
  if (finish) await core.call(api.files.finishUpload.name, { uploadId }, session);
  return uploadId;
}

let core: Core;
let county: string; // the yulong officer's session
let countyAdmin: string; // an administrator whose unit is 玉龙县
const outside = { ids: new Set<string>(), idNumbers: new Set<string>() };
let insidePersonId = '';
let outsidePersonId = '';
let outsideUnitId = '';
let insideCaseId = '';
let insideDocumentId = '';
let outsideSubject = { name: '', idNumber: '' };
let yulongUnitId = '';
let insideHitId = '';
let insideHitDocumentId = '';
let batchId = '';

beforeAll(async () => {
  ({ core } = await testCore({ demo: true, lifetime: 'file' }));
  county = await logIn(core, 'yulong', DEMO_PASSWORD);
  const { db } = core.database;
  const yulong = db.select().from(orgUnits).all().find((u) => u.code === '530721')!;
  const administrator = ((await core.call(api.roles.list.name, {})) as Role[]).find((r) => r.code === 'administrator')!;
  await core.call(api.users.create.name, { username: 'yl-admin', displayName: '县管理员', unitId: yulong.id, roleId: administrator.id, password: 'county-admin-2026' });
  countyAdmin = await logIn(core, 'yl-admin', 'county-admin-2026');
  const visible = new Set(unitAndDescendants(db, yulong.id));
  // the city above the county is not another county's row: its id may appear as a parent
  for (const unit of db.select().from(orgUnits).all()) if (!visible.has(unit.id) && unit.id !== yulong.parentId) outside.ids.add(unit.id);
  for (const person of db.select().from(people).all()) {
    if (person.unitId && visible.has(person.unitId)) {
      insidePersonId ||= person.id;
      continue;
    }
    outside.ids.add(person.id);
    outside.idNumbers.add(person.idNumber);
  }
  outsidePersonId = db.select().from(people).all().find((p) => outside.ids.has(p.id))!.id;
  // the demo's clues: those of other counties (and of the city) must not reach the county
  for (const clue of db.select().from(cases).all()) {
    if (visible.has(clue.unitId)) insideCaseId ||= clue.id;
    else outside.ids.add(clue.id);
  }
  const subject = db.select().from(caseSubjects).all().find((s) => outside.ids.has(s.caseId) && s.idNumber)!;
  outsideSubject = { name: subject.name, idNumber: subject.idNumber! };
  outside.idNumbers.add(subject.idNumber!);
  const filed = (await core.call(api.cases.attach.name, { caseId: insideCaseId, fileName: '材料.txt', contentBase64: Buffer.from('材料').toString('base64') })) as CaseDetail;
  insideDocumentId = filed.documents[0]!.id;
  outsideUnitId = db.select().from(orgUnits).all().find((u) => u.code === '530702')!.id;
  yulongUnitId = yulong.id;
  // the demo's welfare hits: those assigned elsewhere (or not yet assigned) stay with the city
  const hits = db.select().from(welfareHits).all();
  const insideIdNumbers = new Set(hits.filter((h) => h.assignedUnitId && visible.has(h.assignedUnitId)).map((h) => h.idNumber));
  for (const hit of hits) {
    if (hit.assignedUnitId && visible.has(hit.assignedUnitId)) {
      insideHitId ||= hit.id;
      continue;
    }
    outside.ids.add(hit.id);
    if (!insideIdNumbers.has(hit.idNumber)) outside.idNumbers.add(hit.idNumber);
  }
  const documents = db.select().from(welfareHitDocuments).all();
  insideHitDocumentId = documents.find((d) => !outside.ids.has(d.hitId))?.id ?? '';
  const insideDocumentHit = documents.find((d) => d.id === insideHitDocumentId)?.hitId;
  if (insideDocumentHit) insideHitId = insideDocumentHit;
  batchId = db.select().from(welfareBatches).all()[0]!.id;
}, 60_000);

function leaks(result: unknown): string[] {
  const text = JSON.stringify(result);
  return [...outside.ids, ...outside.idNumbers].filter((value) => text.includes(value));
}

describe('a county officer of 玉龙县, against the data of every county', () => {
  it('receives no row of another county from any listing procedure', async () => {
    const queries = allProcedures.filter((p) => !p.mutates);
    expect(queries.map((p) => p.name).filter((name) => !(name in QUERY_INPUTS))).toEqual([]);
    const answered: Record<string, string[]> = { officer: [], administrator: [] };
    for (const [who, session] of [['officer', county], ['administrator', countyAdmin]] as const) {
      for (const spec of queries) {
        const needsUpload = (spec.name.startsWith('files.') && spec.name !== 'files.beginUpload') || spec.name === 'welfare.inspectFile' || spec.name === 'sync.previewBundle';
        const upload = needsUpload ? await ownUpload(session, spec.name === 'welfare.inspectFile' || spec.name === 'sync.previewBundle') : '';
        const perRow: Record<string, unknown> = {
          'people.get': { id: insidePersonId },
          'cases.get': { id: insideCaseId },
          'cases.document': { id: insideDocumentId },
          'cases.duplicates': { subjects: [outsideSubject] },
          'files.appendUpload': { uploadId: upload, offset: 4, chunkBase64: '' },
          'files.finishUpload': { uploadId: upload },
          'files.discardUpload': { uploadId: upload },
          'welfare.inspectFile': { uploadId: upload, dataset: 'deaths' },
          'sync.previewBundle': { uploadId: upload },
          'welfare.rejectedRows': { batchId },
          'welfare.getHit': { id: insideHitId },
          'welfare.getDocument': { hitId: insideHitId, documentId: insideHitDocumentId },
          'welfare.exportCountyList': { unitId: yulongUnitId },
        };
        const input = perRow[spec.name] ?? QUERY_INPUTS[spec.name];
        const result = await core.call(spec.name, input, session).catch((error: unknown) => error);
        if (result instanceof AppError) {
          // a file with a header and no required column is refused for what it is, not for scope
          // and a file that is not a bundle for what it is
          const refusedFor: Record<string, string> = { 'welfare.inspectFile': 'FILE_MISSING_COLUMNS', 'sync.previewBundle': 'SYNC_BUNDLE_CORRUPT' };
          const expected = result.code !== 'FORBIDDEN' ? (refusedFor[spec.name] ?? 'FORBIDDEN') : 'FORBIDDEN';
          expect(result.code, `${who} ${spec.name}`).toBe(expected);
          continue;
        }
        answered[who]!.push(spec.name);
        expect(leaks(result), `${who} ${spec.name}`).toEqual([]);
      }
    }
    expect(answered.officer).toEqual(
      expect.arrayContaining([
        'units.list', 'people.search', 'people.get', 'system.info', 'cases.list', 'cases.get', 'cases.board', 'cases.duplicates',
        'welfare.hits', 'welfare.getHit', 'welfare.getDocument', 'welfare.exportCountyList',
      ]),
    );
    const hits = (await core.call(api.welfare.hits.name, { limit: 500 }, county)) as { total: number };
    expect(hits.total).toBeGreaterThan(0);
    const clues = (await core.call(api.cases.list.name, { limit: 500 }, county)) as { total: number };
    expect(clues.total).toBeGreaterThan(5);
    expect(answered.administrator).toEqual(expect.arrayContaining(['users.list', 'audit.list', 'roles.list']));
    // the officer's own county is there: the filter is a scope, not a wall
    const own = (await core.call(api.people.search.name, { limit: 500 }, county)) as { rows: Person[]; total: number };
    expect(own.total).toBeGreaterThan(50);
    const units = (await core.call(api.units.list.name, {}, county)) as OrgUnit[];
    expect(units.map((u) => u.code)).toContain('530721');
    expect(units.some((u) => u.code.startsWith('530702'))).toBe(false);
    const users = (await core.call(api.users.list.name, {}, countyAdmin)) as { username: string }[];
    expect(users.map((u) => u.username).sort()).toEqual(['yl-admin', 'yulong']);
    await expect(core.call(api.audit.export.name, {}, countyAdmin)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('cannot read, change or create anything outside the county, whatever the request says', async () => {
    await expect(core.call(api.people.get.name, { id: outsidePersonId }, county)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      core.call(api.people.search.name, { unitId: outsideUnitId }, county).then((r) => leaks(r)),
    ).resolves.toEqual([]);
    await expect(
      core.call(api.people.update.name, { id: outsidePersonId, fields: { name: '改名', idNumber: [...outside.idNumbers][0]! } }, county),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      core.call(api.people.create.name, { name: '和新', idNumber: syntheticId('530702', '19900101', '555'), unitId: outsideUnitId }, county),
    ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await expect(core.call(api.units.create.name, { code: '530702999', name: '越权乡', kind: 'township', parentId: outsideUnitId }, county)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    const csv = `姓名,身份证号,工作单位\n和新,${syntheticId('530702', '19900101', '556')},530702\n`;
    const report = (await core.call(api.people.import.name, { fileName: 'x.csv', contentBase64: Buffer.from(csv).toString('base64') }, county)) as PeopleImportReport;
    expect(report).toMatchObject({ created: 0, rejected: [{ row: 2, reasonKey: 'import.reason.outOfScope' }] });
  });
});
