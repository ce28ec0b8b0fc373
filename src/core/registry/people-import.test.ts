import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { api, type OrgUnit, type PeopleImportReport, type Person } from '../../shared/api';
import type { Core } from '../api/core';
import { auditLog, people } from '../db/schema';
import { syntheticId, testCore } from '../testing/fixtures';

const ID_A = syntheticId('530702', '19700304', '015');
const ID_B = syntheticId('530721', '19881120', '026');
const ID_C = syntheticId('530722', '19920815', '037');
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

function importFile(core: Core, fileName: string, bytes: Uint8Array, sheet?: string): Promise<PeopleImportReport> {
  return core.call(api.people.import.name, {
    fileName,
    contentBase64: Buffer.from(bytes).toString('base64'),
    ...(sheet ? { sheet } : {}),
  }) as Promise<PeopleImportReport>;
}

async function withUnits(core: Core): Promise<OrgUnit> {
  const [city] = (await core.call(api.units.list.name, {})) as OrgUnit[];
  return (await core.call(api.units.create.name, { code: '530702', name: '古城区', kind: 'county', parentId: city!.id })) as OrgUnit;
}

const peopleCsv = [
  '姓名,公民身份号码,工作单位,职务,职级,人员类别,联系电话',
  `和丽红,${ID_A},530702,科员,科员,公务员,17000000001`,
  `木志华,${ID_B.toLowerCase()},古城区,副主任,副科,公务员,`,
  `杨秀英,${wrongCheck(ID_C)},530702,,,,`,
  `,${ID_C},530702,,,,`,
  `李明,${ID_C},不存在的单位,,,,`,
  `和丽红,${ID_A},530702,,,,`,
].join('\r\n');

describe('importing the people registry', () => {
  it('imports good rows and reports every bad row with its number, field and reason', async () => {
    const { core } = await testCore();
    const county = await withUnits(core);
    const report = await importFile(core, 'people.csv', Buffer.from(`\uFEFF${peopleCsv}`, 'utf8'));
    expect(report).toMatchObject({ fileName: 'people.csv', rows: 6, created: 2, updated: 0, unchanged: 0 });
    expect(report.rejected.map((r) => [r.row, r.field, r.reasonKey])).toEqual([
      [4, '身份证号', 'import.reason.idNumber_checkCharacter'],
      [5, '姓名', 'import.reason.required'],
      [6, '工作单位', 'import.reason.unknownUnit'],
      [7, '身份证号', 'import.reason.duplicateInFile'],
    ]);
    const rows = (await core.call(api.people.search.name, { unitId: county.id })) as { rows: Person[] };
    expect(rows.rows.map((r) => [r.name, r.idNumber, r.unitName, r.phone]).sort()).toEqual(
      [
        ['和丽红', ID_A, '古城区', '17000000001'],
        ['木志华', ID_B, '古城区', null],
      ].sort(),
    );
    const audit = core.database.db.select().from(auditLog).all().at(-1)!;
    expect(audit.procedure).toBe('people.import');
    expect(JSON.parse(audit.summary)).toMatchObject({ fileName: 'people.csv', created: 2, rejected: 4 });
  });

  it('updates a person already registered under the ID number instead of adding a duplicate', async () => {
    const { core } = await testCore();
    await withUnits(core);
    await importFile(core, 'first.csv', Buffer.from(peopleCsv));
    const second = await importFile(core, 'second.csv', Buffer.from(`姓名,身份证号,职务\n和丽红,${ID_A},副主任\n木志华,${ID_B},副主任\n`));
    expect(second).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1, rejected: [] });
    const all = core.database.db.select().from(people).all();
    expect(all).toHaveLength(2);
    // a column absent from the file keeps its value
    expect(all.find((p) => p.idNumber === ID_A)).toMatchObject({ position: '副主任', phone: '17000000001' });
  });

  it('reads GB18030 CSV files', async () => {
    const { core } = await testCore();
    await withUnits(core);
    const report = await importFile(core, 'gbk.csv', iconv.encode(`姓名,身份证号,工作单位\n和丽红,${ID_A},古城区\n`, 'gb18030'));
    expect(report).toMatchObject({ created: 1, rejected: [] });
    expect(core.database.db.select().from(people).get()?.name).toBe('和丽红');
  });

  it('reads the named sheet of an XLSX workbook', async () => {
    const { core } = await testCore();
    await withUnits(core);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本表为合成数据']);
    const sheet = workbook.addWorksheet('人员');
    sheet.addRow(['姓名', '身份证号', '单位代码', '联系电话']);
    sheet.addRow(['木志华', ID_B, '530702', 17000000002]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await importFile(core, 'people.xlsx', bytes, '人员');
    expect(report).toMatchObject({ created: 1, rejected: [] });
    expect(core.database.db.select().from(people).get()).toMatchObject({ name: '木志华', phone: '17000000002' });
    await expect(importFile(core, 'people.xlsx', bytes, '没有这个表')).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('refuses a file without the required columns, or not a table at all, and changes nothing', async () => {
    const { core } = await testCore();
    await withUnits(core);
    const before = core.database.db.select().from(auditLog).all().length;
    await expect(importFile(core, 'x.csv', Buffer.from(`名字,电话\n和丽红,1\n`))).rejects.toMatchObject({
      code: 'FILE_MISSING_COLUMNS',
      details: { columns: ['姓名', '身份证号'] },
    });
    await expect(importFile(core, 'x.xlsx', Buffer.from('PK\u0003\u0004 broken zip'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    await expect(importFile(core, 'empty.csv', Buffer.from(''))).rejects.toMatchObject({ code: 'FILE_NO_HEADER' });
    await expect(importFile(core, 'people.pdf', Buffer.from('%PDF-1.4'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(core.database.db.select().from(people).all()).toHaveLength(0);
    expect(core.database.db.select().from(auditLog).all()).toHaveLength(before);
  });
});
