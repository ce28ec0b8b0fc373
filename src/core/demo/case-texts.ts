// The words of the demo clues: allegations as a commission's register would record them, by
// the kind of cadre they concern and where they came from. Every person is synthetic.
import type { ClueSource, SanctionKind } from '../../shared/api/cases';
import type { Rng } from '../../../scripts/demo/random';

/** What kind of post a subject holds, which decides the allegations that fit. */
export type SubjectKind = 'village' | 'township' | 'bureau';

export interface Who {
  name: string;
  /** the unit as a reader would name it: 玉龙县民政局, 石鼓镇新华村 */
  unit: string;
  position: string;
}

interface Topic {
  title: string;
  kinds: readonly SubjectKind[];
  /** serious allegations end in heavier sanctions, some in a referral to prosecution */
  serious: boolean;
  text: (rng: Rng, who: Who, year: number) => string;
}

const money = (rng: Rng, min: number, max: number) => `${(rng.int(min * 10, max * 10) / 10).toFixed(1)}万元`;
const person = (w: Who) => `${w.unit}${w.position}${w.name}`;

const TOPICS: readonly Topic[] = [
  {
    title: '违规收受礼品礼金',
    kinds: ['bureau', 'township'],
    serious: false,
    text: (r, w) =>
      `${person(w)}在${r.pick(['春节', '中秋', '国庆'])}前后多次收受管理服务对象赠送的购物卡、礼金，合计约${money(r, 0.5, 6)}，部分系在办公室收受。`,
  },
  {
    title: '违规发放津补贴',
    kinds: ['bureau', 'township'],
    serious: false,
    text: (r, w, y) => `${w.unit}${y}年以“加班补助”“工作考核奖”等名义违规发放津补贴共计${money(r, 3, 40)}，${w.position}${w.name}签字同意。`,
  },
  {
    title: '在低保评定中优亲厚友',
    kinds: ['village'],
    serious: false,
    text: (r, w, y) =>
      `${person(w)}在${y}年农村低保评议中优亲厚友，将其${r.pick(['兄弟', '女婿', '子女', '姐姐一家'])}等不符合条件的亲属纳入低保，群众意见较大。`,
  },
  {
    title: '套取衔接资金',
    kinds: ['village', 'township'],
    serious: true,
    text: (r, w) =>
      `${person(w)}伙同他人虚报${r.pick(['中药材种植', '肉牛养殖', '花椒种植', '乡村旅游'])}帮扶项目、虚列务工人员名单，套取巩固拓展脱贫攻坚成果衔接资金约${money(r, 5, 60)}。`,
  },
  {
    title: '违规吃喝',
    kinds: ['bureau', 'township'],
    serious: false,
    text: (r, w) => `${person(w)}多次在${r.pick(['私人会所', '农家乐', '酒店包间'])}接受工程老板宴请并饮酒，另有接待费用以会议费名义报销。`,
  },
  {
    title: '插手工程项目',
    kinds: ['township', 'bureau'],
    serious: true,
    text: (r, w) =>
      `${person(w)}利用职务便利插手${r.pick(['村组道路硬化工程', '高标准农田建设项目', '农村饮水安全巩固提升工程', '易地搬迁安置点配套工程'])}，指定其亲属承揽并从中收受好处费约${money(r, 2, 30)}。`,
  },
  {
    title: '违规操办婚丧喜庆事宜',
    kinds: ['bureau', 'township', 'village'],
    serious: false,
    text: (r, w) =>
      `${person(w)}借${r.pick(['子女升学', '儿子结婚', '乔迁新居', '母亲丧事'])}之机大操大办，宴请管理服务对象${r.int(15, 60)}余桌，收受礼金。`,
  },
  {
    title: '截留挪用集体资金',
    kinds: ['village'],
    serious: true,
    text: (r, w) =>
      `${person(w)}截留、挪用村集体${r.pick(['土地征收补偿款', '光伏电站收益', '林地流转费', '集体经济分红'])}约${money(r, 3, 35)}，长期未入账公示。`,
  },
  {
    title: '公车私用',
    kinds: ['bureau'],
    serious: false,
    text: (r, w) => `${person(w)}多次驾驶公务用车接送子女、回老家办私事，${r.pick(['节假日', '周末'])}仍私用公车，未作登记。`,
  },
  {
    title: '违规审批宅基地并收受好处',
    kinds: ['township'],
    serious: true,
    text: (r, w) => `${person(w)}在宅基地审批中为${r.int(2, 9)}户不符合条件的人员办理审批手续，收受好处费约${money(r, 1, 12)}。`,
  },
  {
    title: '吃拿卡要、刁难群众',
    kinds: ['township', 'village'],
    serious: false,
    text: (r, w) =>
      `${person(w)}在办理${r.pick(['危房改造补助', '残疾人两项补贴', '林权证', '低保申请'])}过程中故意刁难群众，变相收取“辛苦费”。`,
  },
  {
    title: '违规发放低保“死人保”',
    kinds: ['village'],
    serious: false,
    text: (r, w) => `${w.unit}有${r.int(2, 7)}名已故人员去世后仍领取低保金共计${money(r, 0.6, 5)}，${w.position}${w.name}未按规定及时申请停发。`,
  },
  {
    title: '违规经商办企业',
    kinds: ['bureau', 'township'],
    serious: false,
    text: (r, w) => `${person(w)}${r.pick(['本人', '其配偶'])}违规入股当地${r.pick(['砂石料场', '建材公司', '运输公司'])}，并利用职务影响为企业承揽业务。`,
  },
  {
    title: '形式主义、官僚主义',
    kinds: ['township', 'bureau'],
    serious: false,
    text: (r, w) =>
      `${person(w)}在${r.pick(['防止返贫动态监测', '防汛救灾', '森林防火', '耕地保护'])}工作中敷衍塞责、弄虚作假，台账数据与实际严重不符。`,
  },
  {
    title: '违规为不符合条件人员办理补贴',
    kinds: ['bureau'],
    serious: false,
    text: (r, w) => `${person(w)}违规为${r.int(3, 20)}名不符合条件的人员办理${r.pick(['养老保险补缴', '耕地地力保护补贴', '医疗救助', '临时救助'])}，涉及资金${money(r, 1, 18)}。`,
  },
];

const INSPECTION_ROUNDS = ['一', '二', '三', '四', '五'];

/** How the register says where the clue came from. */
function opening(rng: Rng, source: ClueSource, county: string, named: boolean): string {
  switch (source) {
    case 'letters_visits':
      return named ? '实名举报反映：' : rng.pick(['群众来信反映：', '来访群众反映：', '12388举报平台收到反映：']);
    case 'inspection_handover':
      return `${county === '丽江市' ? '市委' : `${county}委`}第${rng.pick(INSPECTION_ROUNDS)}巡察组巡察中发现并移交：`;
    case 'audit':
      return `${county}审计局在专项审计中发现并移交：`;
    case 'other_agency':
      return `${rng.pick([`${county}公安局`, `${county}人民检察院`, `${county}财政局`])}在工作中发现并移交：`;
    case 'big_data':
      return '民生资金大数据监督平台比对发现：';
    case 'self_found':
      return '监督检查中发现：';
  }
}

export interface Allegation {
  title: string;
  summary: string;
  serious: boolean;
}

/** An allegation that fits the first subject's post, worded for its source. */
export function allegation(rng: Rng, source: ClueSource, subjects: Who[], kind: SubjectKind, county: string, named: boolean, year: number): Allegation {
  const fitting = TOPICS.filter((t) => t.kinds.includes(kind));
  // a big-data hit is about welfare money: allowances to the dead, the kin, the ineligible
  const topic =
    source === 'big_data' ? (fitting.find((t) => t.title.includes('低保')) ?? rng.pick(fitting)) : rng.pick(fitting);
  const first = subjects[0]!;
  const others = subjects.length > 1 ? `（另涉及${subjects.slice(1).map((s) => `${s.position}${s.name}`).join('、')}）` : '';
  const title = rng.chance(0.5) ? `关于${first.unit}${first.position}${first.name}${topic.title}的问题线索` : `反映${first.name}${topic.title}问题`;
  return { title, summary: `${opening(rng, source, county, named)}${topic.text(rng, first, year)}${others}`, serious: topic.serious };
}

/** The sanctions one subject receives, heavier for a serious allegation. */
export function sanctionsFor(rng: Rng, serious: boolean): SanctionKind[] {
  if (serious) {
    return rng.weighted<SanctionKind[]>([
      [['party_expulsion', 'admin_discharge', 'prosecution_referral'], 2],
      [['party_post_removal', 'admin_demotion'], 2],
      [['party_serious_warning', 'admin_major_demerit'], 3],
    ]);
  }
  return rng.weighted<SanctionKind[]>([
    [['party_warning'], 3],
    [['party_warning', 'admin_demerit'], 2],
    [['admin_warning'], 2],
    [['party_serious_warning'], 1],
    [['accountability'], 1],
  ]);
}

export const DISMISS_REASONS = [
  '经初步核实，反映问题查无实据，予以了结。',
  '经核查，相关款项已按规定发放并公示，反映问题不属实。',
  '反映问题已在以往核查中处理，无新的证据材料，予以了结。',
];
export const NOT_ACCEPTED_REASONS = [
  '反映内容属于民事纠纷，不属于纪检监察机关受理范围，已告知当事人依法向人民法院起诉。',
  '反映内容笼统，无具体问题线索，且无法联系反映人补充材料。',
  '反映对象已退休多年且无具体违纪违法事实，不予受理。',
];
export const PAUSE_REASONS = ['等待审计部门出具专项审计报告', '需协调公安机关调取银行流水等证据材料', '关键证人外出务工，暂无法取证'];
export const SHELVE_REASON = '反映问题具有一定可查性，但当前条件不成熟，暂存待查。';
export const EXTEND_REASON = '案情复杂，涉及多个项目资金往来，需延长审查调查期限。';
export const WITHDRAW_REASON = '经审查调查，现有证据不足以认定违纪违法事实，撤销案件。';
export const RETURN_REASON = '部分事实不清、证据不足，退回补充调查。';
export const CHANGE_REASON = '申诉理由部分成立，原处分偏重，经复审予以变更。';
export const REJECT_COMMENT = '线索反映问题较为具体，不宜予以了结，请按初步核实方式处置。';
export const UNDO_REASON = '误分办至其他承办部门，撤回后重新分办。';
