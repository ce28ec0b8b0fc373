import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { api, type ExportedFile, type WireError } from '../../shared/api';
import { PEOPLE, verificationCommission, type VerificationCommission } from './hits.fixtures';

async function failure(promise: Promise<unknown>): Promise<WireError> {
  try {
    await promise;
  } catch (error) {
    return error as WireError;
  }
  throw new Error('expected a refusal');
}

/** Every row of the first sheet, as the values a reader sees (blank cells as null). */
async function sheetRows(file: ExportedFile): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null));
  });
  return rows;
}

/** The paragraphs of a DOCX's body, one line each (table cells are paragraphs too). */
async function docxLines(file: ExportedFile): Promise<string[]> {
  const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split(/<w:p[ >]/)
    .map((p) => p.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'))
    .filter((line) => line.trim() !== '');
}

/** 张三's February hit and 李四's confirmed (the latter at a lower amount), 张三's double payment explained, 王五's with 宁蒗县. */
async function verified(c: VerificationCommission) {
  await c.analyst(api.welfare.assign.name, { hitIds: [c.hits.deadFeb, c.hits.twice, c.hits.vehicle], unitId: c.yulong.id });
  await c.analyst(api.welfare.assign.name, { hitIds: [c.hits.official], unitId: c.ninglang.id });
  const find = (hitId: string, input: Record<string, unknown>) => c.yulongOfficer(api.welfare.recordFinding.name, { hitId, ...input });
  await find(c.hits.deadFeb, { finding: 'confirmed' });
  await find(c.hits.vehicle, { finding: 'confirmed', recoverableFen: 45_000 });
  await find(c.hits.twice, { finding: 'explained', reason: '同月补发上月待遇' });
}

describe('the board as XLSX', () => {
  it('holds every row of the filtered board with its totals', async () => {
    const c = await verificationCommission();
    await verified(c);
    const file = await c.analyst<ExportedFile>(api.welfare.exportBoard.name, { countyUnitId: c.yulong.id });
    expect(file.fileName).toBe('zhijian-welfare-hits-2026-04-10.xlsx');
    const rows = await sheetRows(file);
    expect(rows[0]![0]).toBe('惠民资金比对疑点清单');
    expect(rows[2]).toEqual(['筛选条件', '县区：玉龙县']);
    expect(rows[4]!.slice(0, 9)).toEqual(['序号', '规则', '比对规则', '身份证号', '姓名', '项目名称', '发放年月', '发放金额（元）', '应追回金额（元）']);
    const body = rows.slice(5, 9);
    expect(body.map((r) => [r[0], r[1], r[3], r[6], r[7], r[8], r[13], r[14]])).toEqual([
      [1, 'R5', PEOPLE.li, '2026-03', 900, 900, '已核实', '玉龙县'],
      [2, 'R1', PEOPLE.zhang, '2026-02', 600, 600, '已核实', '玉龙县'],
      [3, 'R1', PEOPLE.zhang, '2026-03', 1200, 1200, '待交办', null],
      [4, 'R8', PEOPLE.zhang, '2026-03', 1200, 600, '已说明', '玉龙县'],
    ]);
    expect(rows[9]!.slice(0, 9)).toEqual(['合计', null, '4', null, null, null, null, 3900, 3300]);
    // 600 as found, 450 as the county set it
    expect(rows[10]![8]).toBe(1050);
    expect(rows).toHaveLength(11);
  });

  it("holds only the caller's hits", async () => {
    const c = await verificationCommission();
    await verified(c);
    const rows = await sheetRows(await c.ninglangOfficer<ExportedFile>(api.welfare.exportBoard.name, {}));
    expect(rows[2]).toEqual(['筛选条件', '全部疑点']);
    expect(rows.slice(5, -2).map((r) => r[3])).toEqual([PEOPLE.wang]);
  });
});

describe("a county's list as XLSX", () => {
  it('lists the hits assigned to the county with the finding recorded on each', async () => {
    const c = await verificationCommission();
    await verified(c);
    const file = await c.yulongOfficer<ExportedFile>(api.welfare.exportCountyList.name, { unitId: c.yulong.id });
    expect(file.fileName).toBe('zhijian-welfare-530721-2026-04-10.xlsx');
    const rows = await sheetRows(file);
    expect(rows[0]![0]).toBe('玉龙县疑点核查清单');
    expect(rows[3]!.slice(11)).toEqual(['核查状态', '核查结论', '说明理由', '核实应追回金额（元）', '核查时间', '核查人']);
    expect(rows.slice(4, 7).map((r) => [r[1], r[4], r[11], r[12], r[13], r[14], r[16]])).toEqual([
      ['R5', '李四', '已核实', '属实', null, 450, '玉龙核查员'],
      ['R1', '张三', '已核实', '属实', null, 600, '玉龙核查员'],
      ['R8', '张三', '已说明', '有合理说明', '同月补发上月待遇', null, '玉龙核查员'],
    ]);
    expect(rows[4]![15]).toBe('2026-04-10 10:00:00');
    expect(rows[7]!.slice(0, 9)).toEqual(['合计', null, '3', null, null, null, null, 2700, 2100]);
    expect(rows[7]![14]).toBe(1050);
    expect(rows).toHaveLength(8);
  });

  it("is refused for a county outside the caller's scope", async () => {
    const c = await verificationCommission();
    await verified(c);
    expect((await failure(c.ninglangOfficer(api.welfare.exportCountyList.name, { unitId: c.yulong.id }))).code).toBe('OUT_OF_SCOPE');
    const rows = await sheetRows(await c.analyst<ExportedFile>(api.welfare.exportCountyList.name, { unitId: c.ninglang.id }));
    // no finding yet: the row ends at the status, the finding columns are the county's to fill
    expect(rows.slice(4, -1).map((r) => [r[4], r[11], r.length])).toEqual([['王五', '核查中', 12]]);
  });
});

describe('the summary report as DOCX', () => {
  it('reports counts by rule, county and status with the amounts found and confirmed to recover', async () => {
    const c = await verificationCommission();
    await verified(c);
    const file = await c.leader<ExportedFile>(api.welfare.exportSummary.name, {});
    expect(file.fileName).toBe('zhijian-welfare-summary-2026-04-10.docx');
    const lines = await docxLines(file);
    expect(lines.slice(0, 4)).toEqual([
      '惠民资金大数据监督疑点核查情况报告',
      '生成时间：2026-04-10',
      '一、总体情况',
      '截至2026-04-10，共发现疑点6条，涉及金额5,900.00元；经核实属实（含已移交问题线索）2条，核实应追回金额1,050.00元。',
    ]);
    const section = (heading: string, next: string | null) => lines.slice(lines.indexOf(heading) + 1, next ? lines.indexOf(next) : undefined);
    // by rule: rule, hits, amount, confirmed, confirmed to recover; in rule order
    expect(section('二、按比对规则', '三、按县区')).toEqual([
      ...['比对规则', '疑点数', '发放金额（元）', '已核实', '核实应追回金额（元）'],
      ...['R1 死亡人员领取', '2', '1,800.00', '1', '600.00'],
      ...['R2 财政供养人员领取', '1', '1,500.00', '0', '0.00'],
      ...['R5 家庭有车（富人保）', '1', '900.00', '1', '450.00'],
      ...['R8 重复领取', '1', '1,200.00', '0', '0.00'],
      ...['R11 身份证号无效', '1', '500.00', '0', '0.00'],
    ]);
    expect(section('三、按县区', '四、按核查状态')).toEqual([
      ...['县区', '疑点数', '发放金额（元）', '已核实', '核实应追回金额（元）'],
      ...['玉龙县', '4', '3,900.00', '2', '1,050.00'],
      ...['宁蒗县', '2', '2,000.00', '0', '0.00'],
    ]);
    expect(section('四、按核查状态', null)).toEqual([
      ...['核查状态', '疑点数', '发放金额（元）'],
      ...['待交办', '2', '1,700.00'],
      ...['核查中', '1', '1,500.00'],
      ...['已核实', '2', '1,500.00'],
      ...['已说明', '1', '1,200.00'],
    ]);
  });

  it("covers only the caller's hits", async () => {
    const c = await verificationCommission();
    await verified(c);
    const lines = await docxLines(await c.ninglangOfficer<ExportedFile>(api.welfare.exportSummary.name, {}));
    expect(lines[3]).toBe('截至2026-04-10，共发现疑点1条，涉及金额1,500.00元；经核实属实（含已移交问题线索）0条，核实应追回金额0.00元。');
    expect(lines).not.toContain('玉龙县');
  });
});
