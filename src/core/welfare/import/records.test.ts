import { getTableColumns, getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DATASET_FIELDS, DATASETS, type Dataset } from '../../../shared/api/welfare';
import * as schema from '../../db/schema/welfare';
import { syntheticId } from '../../testing/fixtures';
import { datasetTable, recordColumns, recordReader, type Rejection, type Value } from './records';

const TODAY = '2026-03-20';

/**
 * Reads one row given by column label (the file's header is every label of the dataset, in
 * FORMATS.md order): the record by column name, or the rejections.
 */
function readRow(dataset: Dataset, row: Record<string, string>, options: { excelSerial?: boolean } = {}): Record<string, Value> | Rejection[] {
  const fields = DATASET_FIELDS[dataset];
  const unknown = Object.keys(row).filter((label) => !fields.some((f) => f.label === label));
  if (unknown.length > 0) throw new Error(`not a column of ${dataset}: ${unknown.join(', ')}`);
  const columns = Object.fromEntries(fields.map((f, i) => [f.key, i]));
  const reader = recordReader(dataset, columns, { today: TODAY, excelSerial: options.excelSerial ?? false });
  const values: Value[] = [];
  const rejections = reader.read(
    fields.map((f) => row[f.label] ?? ''),
    values,
  );
  if (rejections) return rejections;
  return Object.fromEntries(recordColumns(dataset).map((c, i) => [c.name, values[i]!]));
}

const recordOf = (dataset: Dataset, row: Record<string, string>, options?: { excelSerial?: boolean }): Record<string, Value> => {
  const result = readRow(dataset, row, options);
  if (Array.isArray(result)) throw new Error(`rejected: ${JSON.stringify(result)}`);
  return result;
};

const rejectionsOf = (dataset: Dataset, row: Record<string, string>): [string, string, string?][] => {
  const result = readRow(dataset, row);
  if (!Array.isArray(result)) throw new Error(`accepted: ${JSON.stringify(result)}`);
  return result.map((r) => (r.details ? [r.field, r.reasonKey, r.details.value] : [r.field, r.reasonKey]));
};

const ID = syntheticId('530723', '19760312', '966');
const HEAD = syntheticId('530723', '19520626', '022');
const APPROVER = syntheticId('530723', '19880301', '850');
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

const PAYMENT = {
  项目名称: '城乡低保',
  发放年月: '2026-03',
  姓名: '李秀英',
  身份证号: ID,
  户主身份证号: HEAD,
  与户主关系: '子女',
  县区: '华坪县',
  乡镇: '石龙坝镇',
  村社区: '石龙坝上村',
  发放金额: '650.50',
  发放日期: '2026-03-12',
  收款账号: '62179031197663360',
  收款人: '李秀英',
  审批人: '毛峰',
  审批人身份证号: APPROVER,
};

describe('disbursements', () => {
  it('reads a clean row into the columns of wf_disbursements', () => {
    expect(recordOf('disbursements', PAYMENT)).toEqual({
      program: '城乡低保',
      period: '2026-03',
      name: '李秀英',
      name_raw: null,
      id_number: ID,
      id_valid: 1,
      household_head_id: HEAD,
      household_head_valid: 1,
      relation_to_head: '子女',
      county: '华坪县',
      township: '石龙坝镇',
      village: '石龙坝上村',
      amount_fen: 65050,
      paid_on: '2026-03-12',
      bank_account: '62179031197663360',
      account_holder: '李秀英',
      approver_name: '毛峰',
      approver_id: APPROVER,
      approver_valid: 1,
    });
  });

  it('normalises the styles bureaus write: months, dates, amounts, full-width digits, spaces in names and accounts', () => {
    const fullWidth = [...ID.slice(0, 17)].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('') + ID[17];
    const record = recordOf('disbursements', {
      ...PAYMENT,
      发放年月: '2026年3月',
      姓名: ' 李 秀英 ',
      身份证号: ` ${fullWidth} `,
      发放金额: '1,234.5元',
      发放日期: '2026/3/5',
      收款账号: '6217 9031 1976 6336 0',
      收款人: '李　秀英',
      县区: '530723',
    });
    expect(record).toMatchObject({
      period: '2026-03',
      name: '李秀英',
      name_raw: '李 秀英',
      id_number: ID,
      id_valid: 1,
      amount_fen: 123450,
      paid_on: '2026-03-05',
      bank_account: '62179031197663360',
      account_holder: '李秀英',
      county: '530723',
    });
    expect(recordOf('disbursements', { ...PAYMENT, 发放年月: '202603', 发放日期: '20260305' })).toMatchObject({ period: '2026-03', paid_on: '2026-03-05' });
  });

  it('pays on the 15th of the period when no date is given, and leaves optional fields empty', () => {
    expect(recordOf('disbursements', { ...PAYMENT, 发放年月: '2026-02', 发放日期: '', 户主身份证号: '', 审批人身份证号: '', 收款账号: '', 县区: '' })).toMatchObject({
      paid_on: '2026-02-15',
      household_head_id: null,
      household_head_valid: null,
      approver_id: null,
      approver_valid: null,
      bank_account: null,
      county: null,
    });
  });

  it('keeps an invalid ID number, flagged: wrong check character, impossible or future birth date, lowercase x and 15 digits read', () => {
    const x = syntheticId('530723', '19520626', '022');
    expect(x.endsWith('X')).toBe(true);
    const cases: [string, string, 0 | 1][] = [
      [wrongCheck(ID), wrongCheck(ID), 0],
      // the sample's 530724297904112430: a check character that fits, a birth in 2979
      [syntheticId('530724', '29790411', '243'), syntheticId('530724', '29790411', '243'), 0],
      [syntheticId('530724', '19790230', '243'), syntheticId('530724', '19790230', '243'), 0],
      [x.toLowerCase(), x, 1],
      ['530723760312966', syntheticId('530723', '19760312', '966'), 1],
      ['不详', '不详', 0],
    ];
    for (const [written, stored, valid] of cases) {
      expect(recordOf('disbursements', { ...PAYMENT, 身份证号: written }), written).toMatchObject({ id_number: stored, id_valid: valid });
    }
    // born the day of the import: valid; the day after: not
    expect(recordOf('disbursements', { ...PAYMENT, 身份证号: syntheticId('530723', '20260320', '111') })).toMatchObject({ id_valid: 1 });
    expect(recordOf('disbursements', { ...PAYMENT, 身份证号: syntheticId('530723', '20260321', '111') })).toMatchObject({ id_valid: 0 });
    expect(recordOf('disbursements', { ...PAYMENT, 户主身份证号: wrongCheck(HEAD), 审批人身份证号: wrongCheck(APPROVER) })).toMatchObject({
      household_head_valid: 0,
      approver_valid: 0,
    });
  });

  it('rejects a row for each field it cannot read, naming every one', () => {
    expect(rejectionsOf('disbursements', { ...PAYMENT, 项目名称: ' ' })).toEqual([['项目名称', 'import.reason.required']]);
    expect(rejectionsOf('disbursements', { ...PAYMENT, 身份证号: '' })).toEqual([['身份证号', 'import.reason.required']]);
    expect(rejectionsOf('disbursements', { ...PAYMENT, 发放年月: '2026-13' })).toEqual([['发放年月', 'import.reason.badMonth', '2026-13']]);
    expect(rejectionsOf('disbursements', { ...PAYMENT, 发放金额: '六百元' })).toEqual([['发放金额', 'import.reason.badAmount', '六百元']]);
    expect(rejectionsOf('disbursements', { ...PAYMENT, 发放金额: '-50.00' })).toEqual([['发放金额', 'import.reason.negativeAmount', '-50.00']]);
    expect(rejectionsOf('disbursements', { ...PAYMENT, 发放日期: '2026-02-30' })).toEqual([['发放日期', 'import.reason.badDate', '2026-02-30']]);
    expect(rejectionsOf('disbursements', { ...PAYMENT, 姓名: '', 乡镇: '', 发放金额: '1,23' })).toEqual([
      ['姓名', 'import.reason.required'],
      ['乡镇', 'import.reason.required'],
      ['发放金额', 'import.reason.badAmount', '1,23'],
    ]);
  });

  it('reads an Excel day serial as a date only from a workbook', () => {
    expect(recordOf('disbursements', { ...PAYMENT, 发放日期: '46086' }, { excelSerial: true })).toMatchObject({ paid_on: '2026-03-05' });
    expect(rejectionsOf('disbursements', { ...PAYMENT, 发放日期: '46086' })).toEqual([['发放日期', 'import.reason.badDate', '46086']]);
  });
});

describe('the registries', () => {
  it('deaths: 15-digit numbers converted, dates in any style, the date required', () => {
    expect(recordOf('deaths', { 姓名: '高荣', 身份证号: '530723421009581', 死亡日期: '2024年6月1日', 数据来源: '公安' })).toEqual({
      name: '高荣',
      name_raw: null,
      id_number: syntheticId('530723', '19421009', '581'),
      id_valid: 1,
      died_on: '2024-06-01',
      source: '公安',
    });
    expect(recordOf('deaths', { 姓名: '海来·日哈国', 身份证号: ID, 死亡日期: '2024/6/1' })).toMatchObject({ name: '海来·日哈国', source: null });
    expect(recordOf('deaths', { 姓名: '海来•日哈国', 身份证号: ID, 死亡日期: '20240601' })).toMatchObject({ name: '海来·日哈国', name_raw: '海来•日哈国' });
    expect(rejectionsOf('deaths', { 姓名: '高荣', 身份证号: ID, 死亡日期: '' })).toEqual([['死亡日期', 'import.reason.required']]);
  });

  it('officials: unit and category required, dates of the post optional', () => {
    const official = { 姓名: '钱艳华', 身份证号: ID, 工作单位: '江坪镇人民政府', 职务: '干部', 人员类别: '村(社区)干部', 乡镇: '江坪镇', 村社区: '江坪西村', 任职开始: '2015-01-01', 任职结束: '' };
    expect(recordOf('officials', official)).toEqual({
      name: '钱艳华',
      name_raw: null,
      id_number: ID,
      id_valid: 1,
      unit: '江坪镇人民政府',
      position: '干部',
      category: '村(社区)干部',
      township: '江坪镇',
      village: '江坪西村',
      start_on: '2015-01-01',
      end_on: null,
    });
    expect(rejectionsOf('officials', { ...official, 人员类别: '', 任职结束: '2015-02-29' })).toEqual([
      ['人员类别', 'import.reason.required'],
      ['任职结束', 'import.reason.badDate', '2015-02-29'],
    ]);
  });

  it("relatives: the official's ID and the relation required, the relative's ID optional", () => {
    expect(recordOf('relatives', { 公职人员身份证号: HEAD, 亲属姓名: '雷俊桂', 亲属身份证号: '', 关系: '配偶' })).toEqual({
      official_id: HEAD,
      official_valid: 1,
      name: '雷俊桂',
      name_raw: null,
      id_number: null,
      id_valid: null,
      relation: '配偶',
    });
    expect(rejectionsOf('relatives', { 公职人员身份证号: '', 亲属姓名: '雷俊桂', 关系: '' })).toEqual([
      ['公职人员身份证号', 'import.reason.required'],
      ['关系', 'import.reason.required'],
    ]);
  });

  it('vehicles: plates as one code, registration date required', () => {
    const vehicle = { 所有人: '郭梅艳', 身份证号: ID, 号牌号码: '云p 73168', 车辆类型: '轻型货车', 登记日期: '2020年5月1日', 注销日期: '' };
    expect(recordOf('vehicles', vehicle)).toMatchObject({ owner_name: '郭梅艳', plate: '云P73168', registered_on: '2020-05-01', deregistered_on: null });
    expect(rejectionsOf('vehicles', { ...vehicle, 登记日期: '2020-05' })).toEqual([['登记日期', 'import.reason.badDate', '2020-05']]);
  });

  it('properties: areas with units and separators, a bad area rejected', () => {
    const property = { 权利人: '丁海', 身份证号: ID, 坐落: '某路235号', 用途: '商业', 建筑面积: '1,048.5㎡', 登记日期: '2019-01-01' };
    expect(recordOf('properties', property)).toMatchObject({ owner_name: '丁海', use: '商业', area_m2: 1048.5 });
    expect(recordOf('properties', { ...property, 建筑面积: '' })).toMatchObject({ area_m2: null });
    expect(rejectionsOf('properties', { ...property, 建筑面积: '一百' })).toEqual([['建筑面积', 'import.reason.badNumber', '一百']]);
    expect(rejectionsOf('properties', { ...property, 建筑面积: '-3' })).toEqual([['建筑面积', 'import.reason.badNumber', '-3']]);
  });

  it('businesses: the credit code checked and kept even when empty or wrong, capital in yuan or 万元', () => {
    const business = { 企业名称: '黎玉晓商贸有限公司', 统一社会信用代码: '91350100M000100Y43', 姓名: '黎玉晓', 身份证号: ID, 角色: '法定代表人', 注册资本: '100万元', 成立日期: '2018-01-01', 登记状态: '存续' };
    expect(recordOf('businesses', business)).toMatchObject({ credit_code: '91350100M000100Y43', credit_code_valid: 1, capital_fen: 100_000_000 });
    expect(recordOf('businesses', { ...business, 统一社会信用代码: '91350100m000100y44', 注册资本: '100000' })).toMatchObject({
      credit_code: '91350100M000100Y44',
      credit_code_valid: 0,
      capital_fen: 10_000_000,
    });
    // the sample registry leaves every code empty: the roles still count
    expect(recordOf('businesses', { ...business, 统一社会信用代码: '' })).toMatchObject({ credit_code: '', credit_code_valid: 0 });
    expect(rejectionsOf('businesses', { ...business, 注册资本: '-1万元', 角色: '' })).toEqual([
      ['角色', 'import.reason.required'],
      ['注册资本', 'import.reason.negativeAmount', '-1万元'],
    ]);
  });

  it('standards: a county or all of them, the month it applies from, the limit in fen', () => {
    expect(recordOf('standards', { 项目名称: '城乡低保', 县区: '530721', 起始年月: '2025-01', 月人均上限: '700.00' })).toEqual({
      program: '城乡低保',
      county: '530721',
      from_period: '2025-01',
      max_amount_fen: 70000,
    });
    expect(recordOf('standards', { 项目名称: '特困供养', 县区: '', 起始年月: '2025年1月', 月人均上限: '900' })).toMatchObject({ county: null, from_period: '2025-01' });
    expect(rejectionsOf('standards', { 项目名称: '城乡低保', 起始年月: '', 月人均上限: '七百' })).toEqual([
      ['起始年月', 'import.reason.required'],
      ['月人均上限', 'import.reason.badAmount', '七百'],
    ]);
  });
});

describe('the columns', () => {
  it.each(DATASETS)('%s: every column of its table but id, batch_no and row, NOT NULL as the schema says', (dataset) => {
    const tables = [schema.wfDisbursements, schema.wfDeaths, schema.wfOfficials, schema.wfRelatives, schema.wfVehicles, schema.wfProperties, schema.wfBusinesses, schema.wfStandards];
    const table = tables.find((t) => getTableName(t) === datasetTable(dataset))!;
    expect(table, datasetTable(dataset)).toBeDefined();
    const expected = Object.values(getTableColumns(table))
      .filter((c) => !['id', 'batch_no', 'row'].includes(c.name))
      .map((c) => ({ name: c.name, nullable: !c.notNull }));
    expect([...recordColumns(dataset)].sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });
});
