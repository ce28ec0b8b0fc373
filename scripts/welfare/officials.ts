/**
 * Public officials of the prefecture in every category of FORMATS.md: county bureau staff,
 * township staff, teachers and doctors, state-enterprise managers, village and community cadres
 * (with their township and village), and each township's civil-affairs officer who approves the
 * payments.
 */
import { COUNTY_BUREAUS, type CountyInfo } from '../demo/places';
import type { Rng } from '../demo/random';
import { dateBetween, type People, type Person } from './people';
import type { Prefecture, Township, Village } from './prefecture';

export type OfficialCategory = '公务员' | '参公人员' | '事业编制' | '国企管理人员' | '村(社区)干部' | '其他财政供养';

/** Categories paid from public funds (R2), as the default settings list them. */
export const PAID_CATEGORIES: readonly OfficialCategory[] = ['公务员', '参公人员', '事业编制', '国企管理人员', '其他财政供养'];

export interface Official extends Person {
  unit: string;
  position: string;
  category: OfficialCategory;
  township: string | null;
  village: string | null;
  startOn: string | null;
  endOn: string | null;
}

const CATEGORY_WEIGHTS: readonly (readonly [OfficialCategory, number])[] = [
  ['公务员', 28],
  ['参公人员', 8],
  ['事业编制', 38],
  ['国企管理人员', 5],
  ['村(社区)干部', 16],
  ['其他财政供养', 5],
];

const SOE = ['文化旅游投资集团有限公司', '城市建设投资有限公司', '水务产业投资有限公司', '农业发展投资有限公司', '交通建设集团有限公司'];
const SERVICE_CENTRES = ['政务服务中心', '林业和草原服务中心', '农业技术推广中心', '就业服务中心', '融媒体中心', '公路养护中心'];
const CLERK_POSITIONS = ['科员', '科员', '科员', '副科长', '科长', '一级主任科员', '四级主任科员'];
const INSTITUTIONS = ['中心学校', '卫生院', '中心学校', '农业综合服务中心'];
const CADRE_POSITIONS = ['村委会委员', '村民小组长', '村务监督委员会委员', '村委会副主任', '妇女主任', '村党总支委员'];
const COMMUNITY_POSITIONS = ['居委会委员', '社区网格员', '居务监督委员会委员', '居委会副主任'];

export class OfficialMaker {
  constructor(
    private readonly rng: Rng,
    private readonly people: People,
    private readonly place: Prefecture,
  ) {}

  private base(county: CountyInfo, fields: Omit<Official, keyof Person | 'startOn' | 'endOn'>, born: readonly [number, number] = [1962, 2001]): Official {
    const person = this.people.person({ county, born });
    const startOn = dateBetween(this.rng, `${Math.max(person.birth.year + 20, 1990)}-01-01`, '2025-12-31');
    return Object.assign(person, fields, { startOn, endOn: null });
  }

  /** A civil servant or 参公 staff member of a county bureau (no township). */
  countyBureau(county: CountyInfo, category: OfficialCategory = '公务员'): Official {
    const unit = `${county.short}${this.rng.pick(COUNTY_BUREAUS)}`;
    return this.base(county, { unit, position: this.rng.pick(CLERK_POSITIONS), category, township: null, village: null });
  }

  /** Staff of a township's government or institutions. */
  townshipStaff(township: Township, category: OfficialCategory = '公务员'): Official {
    const institution = category === '事业编制' || category === '其他财政供养';
    const unit = institution ? `${township.name}${this.rng.pick(INSTITUTIONS)}` : `${township.name}人民政府`;
    const position = institution ? this.rng.pick(['教师', '医生', '护士', '技术员', '会计']) : this.rng.pick(CLERK_POSITIONS);
    return this.base(township.county, { unit, position, category, township: township.name, village: null });
  }

  /** The township's civil-affairs officer, who approves its payments. */
  approver(township: Township): Official {
    return this.base(township.county, {
      unit: `${township.name}人民政府`,
      position: '民政助理员',
      category: '公务员',
      township: township.name,
      village: null,
    });
  }

  villageCadre(village: Village): Official {
    const committee = village.community ? '居民委员会' : '村民委员会';
    return this.base(
      village.township.county,
      {
        unit: `${village.name}${committee}`,
        position: this.rng.pick(village.community ? COMMUNITY_POSITIONS : CADRE_POSITIONS),
        category: '村(社区)干部',
        township: village.township.name,
        village: village.name,
      },
      [1955, 2000],
    );
  }

  /** An official of a category at a plausible post anywhere in the prefecture. */
  ofCategory(category: OfficialCategory, county: CountyInfo): Official {
    const rng = this.rng;
    const townships = this.place.townships.filter((t) => t.county.code === county.code);
    switch (category) {
      case '公务员':
        return rng.chance(0.55) ? this.countyBureau(county) : this.townshipStaff(rng.pick(townships));
      case '参公人员':
        return this.countyBureau(county, '参公人员');
      case '事业编制':
        return rng.chance(0.3)
          ? this.base(county, { unit: `${county.short}第${rng.pick(['一', '二', '三'])}中学`, position: '教师', category, township: null, village: null })
          : this.townshipStaff(rng.pick(townships), '事业编制');
      case '国企管理人员':
        return this.base(county, { unit: `丽江${rng.pick(SOE)}`, position: rng.pick(['部门经理', '副总经理', '财务经理', '项目经理']), category, township: null, village: null });
      case '村(社区)干部':
        return this.villageCadre(rng.pick(rng.pick(townships).villages));
      case '其他财政供养':
        return this.base(county, { unit: `${county.short}${rng.pick(SERVICE_CENTRES)}`, position: '工作人员', category, township: null, village: null });
    }
  }

  /** A background official: some have left their post (an end date in the past). */
  background(): Official {
    const county = this.rng.pick(this.place.counties);
    const official = this.ofCategory(this.rng.weighted(CATEGORY_WEIGHTS), county);
    if (this.rng.chance(0.06)) official.endOn = dateBetween(this.rng, official.startOn!, '2025-12-31');
    return official;
  }
}
