/**
 * Place names and the commission's structure for the demo data. Counties and townships are the
 * real, public administrative divisions of Lijiang (township codes here are synthetic); villages
 * are generated.
 */

export const CITY = { code: '530700', name: '丽江市', short: '丽江市' } as const;

/** Name styles a county's people are drawn from, with weights. */
export type NameStyle = 'han' | 'naxi' | 'yi' | 'mosuo';

export interface CountyInfo {
  code: string;
  /** official name */
  name: string;
  /** the short form used in its offices' names (玉龙县民政局) */
  short: string;
  townships: readonly string[];
  nameStyles: readonly (readonly [NameStyle, number])[];
}

export const COUNTIES: readonly CountyInfo[] = [
  {
    code: '530702',
    name: '古城区',
    short: '古城区',
    townships: [
      '大研街道', '西安街道', '束河街道', '祥和街道', '文化街道', '开南街道',
      '金山白族乡', '七河镇', '大东乡', '金江白族乡', '金安镇',
    ],
    nameStyles: [['han', 5], ['naxi', 5]],
  },
  {
    code: '530721',
    name: '玉龙纳西族自治县',
    short: '玉龙县',
    townships: [
      '黄山镇', '石鼓镇', '巨甸镇', '白沙镇', '拉市镇', '奉科镇', '鸣音镇', '石头白族乡',
      '黎明傈僳族乡', '鲁甸乡', '塔城乡', '大具乡', '宝山乡', '太安乡', '龙蟠乡', '九河白族乡',
    ],
    nameStyles: [['han', 4], ['naxi', 6], ['yi', 1]],
  },
  {
    code: '530722',
    name: '永胜县',
    short: '永胜县',
    townships: [
      '永北镇', '仁和镇', '期纳镇', '三川镇', '程海镇', '涛源镇', '片角镇', '顺州镇',
      '六德傈僳族彝族乡', '东山傈僳族彝族乡', '东风傈僳族乡', '羊坪彝族乡', '光华傈僳族彝族乡',
      '大安彝族纳西族乡', '松坪傈僳族彝族乡',
    ],
    nameStyles: [['han', 8], ['naxi', 1], ['yi', 1]],
  },
  {
    code: '530723',
    name: '华坪县',
    short: '华坪县',
    townships: [
      '中心镇', '荣将镇', '兴泉镇', '石龙坝镇', '新庄傈僳族傣族乡', '通达傈僳族乡',
      '永兴傈僳族乡', '船房傈僳族傣族乡',
    ],
    nameStyles: [['han', 9], ['yi', 1]],
  },
  {
    code: '530724',
    name: '宁蒗彝族自治县',
    short: '宁蒗县',
    townships: [
      '大兴镇', '拉伯乡', '永宁乡', '翠玉傈僳族普米族乡', '红桥乡', '宁利乡', '金棉乡', '西川乡',
      '西布河乡', '战河乡', '永宁坪乡', '跑马坪乡', '蝉战河乡', '新营盘乡', '烂泥箐乡',
    ],
    nameStyles: [['han', 4], ['yi', 5], ['mosuo', 1]],
  },
];

/** Offices of 丽江市纪委监委. */
export const CITY_COMMISSION_OFFICES = [
  '办公室', '组织部', '宣传部', '研究室', '党风政风监督室', '信访室', '案件监督管理室',
  '第一纪检监察室', '第二纪检监察室', '第三纪检监察室', '第四纪检监察室', '第五纪检监察室',
  '第六纪检监察室', '案件审理室', '干部监督室', '巡察工作办公室',
] as const;

export const RESIDENT_GROUP_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

export const CITY_BUREAUS = [
  '民政局', '财政局', '自然资源局', '农业农村局', '人力资源和社会保障局', '住房和城乡建设局',
  '医疗保障局', '教育体育局',
] as const;

/** Offices of each county's 纪委监委. */
export const COUNTY_COMMISSION_OFFICES = [
  '办公室', '党风政风监督室', '信访室', '案件监督管理室', '第一纪检监察室', '第二纪检监察室', '案件审理室',
] as const;

export const COUNTY_BUREAUS = ['民政局', '财政局', '自然资源局', '农业农村局', '人力资源和社会保障局', '医疗保障局'] as const;

export type TownshipType = 'street' | 'town' | 'township';

export function townshipType(name: string): TownshipType {
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('镇')) return 'town';
  return 'township';
}

/** Syllables for generated village names (two of them, then 村 or 社区). */
export const VILLAGE_FIRST = [
  '新', '文', '白', '玉', '东', '西', '南', '北', '中', '上', '下', '大', '小', '龙', '凤', '金',
  '石', '青', '红', '松', '柏', '竹', '梅', '清', '安', '和', '福', '兴', '长', '永', '太', '吉',
  '古', '木', '河', '海', '三', '五', '高', '黑', '阿', '拉', '者', '格', '吾', '达', '依', '俄',
] as const;

export const VILLAGE_SECOND = [
  '华', '山', '河', '泉', '坪', '坝', '林', '湖', '民', '和', '乐', '丰', '源', '水', '营',
  '庄', '场', '岭', '沟', '田', '塘', '桥', '湾', '福', '兴', '光', '明', '义', '德', '美', '喜',
  '布', '古', '里', '乌', '底', '落', '洛', '尔', '支', '瓦',
] as const;
