/**
 * The datasets a data analyst imports and their columns, exactly as ../shared/docs/FORMATS.md
 * defines them. Part of the welfare contract (./welfare re-exports it); a module of its own with
 * no dependencies, because the import's worker thread loads it and nothing else of the contract.
 */

/** A column of a dataset as FORMATS.md lists it; headers match `label`, `key` or an alias. */
export interface FieldSpec {
  /** English key, also accepted as a header */
  key: string;
  /** canonical Chinese column name */
  label: string;
  aliases?: readonly string[];
  required: boolean;
}

export const DATASETS = [
  'disbursements',
  'deaths',
  'officials',
  'relatives',
  'vehicles',
  'properties',
  'businesses',
  'standards',
] as const;
export type Dataset = (typeof DATASETS)[number];

const f = (key: string, label: string, required: boolean, aliases?: readonly string[]): FieldSpec =>
  aliases ? { key, label, required, aliases } : { key, label, required };

/** The columns of each dataset, in FORMATS.md order. */
export const DATASET_FIELDS: Record<Dataset, readonly FieldSpec[]> = {
  disbursements: [
    f('program', '项目名称', true, ['资金项目', '补贴类型']),
    f('period', '发放年月', true, ['所属期', '发放期间']),
    f('name', '姓名', true, ['领取人姓名', '保障对象姓名']),
    f('id_number', '身份证号', true, ['公民身份号码', '证件号码']),
    f('household_head_id', '户主身份证号', false),
    f('relation_to_head', '与户主关系', false),
    f('county', '县区', false, ['区县']),
    f('township', '乡镇', true, ['乡镇(街道)']),
    f('village', '村社区', true, ['村(社区)', '行政村']),
    f('amount', '发放金额', true, ['金额', '发放金额(元)']),
    f('paid_on', '发放日期', false, ['打卡日期']),
    f('bank_account', '收款账号', false, ['银行卡号', '一卡通账号']),
    f('account_holder', '收款人', false, ['账户名', '持卡人']),
    f('approver_name', '审批人', false, ['经办人']),
    f('approver_id', '审批人身份证号', false, ['经办人身份证号']),
  ],
  deaths: [
    f('name', '姓名', true),
    f('id_number', '身份证号', true, ['公民身份号码']),
    f('died_on', '死亡日期', true, ['注销日期', '火化日期']),
    f('source', '数据来源', false),
  ],
  officials: [
    f('name', '姓名', true),
    f('id_number', '身份证号', true),
    f('unit', '工作单位', true, ['单位名称']),
    f('position', '职务', false),
    f('category', '人员类别', true, ['身份类别']),
    f('township', '乡镇', false),
    f('village', '村社区', false),
    f('start_on', '任职开始', false, ['入职日期']),
    f('end_on', '任职结束', false, ['离职日期']),
  ],
  relatives: [
    f('official_id', '公职人员身份证号', true),
    f('name', '亲属姓名', true),
    f('id_number', '亲属身份证号', false),
    f('relation', '关系', true),
  ],
  vehicles: [
    f('owner_name', '所有人', true),
    f('id_number', '身份证号', true),
    f('plate', '号牌号码', true),
    f('vehicle_type', '车辆类型', true),
    f('registered_on', '登记日期', true),
    f('deregistered_on', '注销日期', false),
  ],
  properties: [
    f('owner_name', '权利人', true),
    f('id_number', '身份证号', true),
    f('location', '坐落', true),
    f('use', '用途', true),
    f('area_m2', '建筑面积', false),
    f('registered_on', '登记日期', true),
  ],
  businesses: [
    f('company', '企业名称', true),
    f('credit_code', '统一社会信用代码', true),
    f('person_name', '姓名', true),
    f('id_number', '身份证号', true),
    f('role', '角色', true),
    f('capital', '注册资本', false),
    f('founded_on', '成立日期', false),
    f('status', '登记状态', false),
  ],
  standards: [
    f('program', '项目名称', true),
    f('county', '县区', false),
    f('from_period', '起始年月', true),
    f('max_amount', '月人均上限', true),
  ],
};
