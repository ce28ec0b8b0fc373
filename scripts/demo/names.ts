/**
 * Synthetic personal names: a surname and given name drawn from common characters, in a few
 * styles found in Lijiang (Han, Naxi surnames, Yi transliterations, Mosuo names with `·`).
 * Famous names are refused and redrawn.
 */
import type { NameStyle } from './places';
import type { Rng } from './random';

export type Gender = 'M' | 'F';

const HAN_SURNAMES_COMMON = ['李', '王', '张', '杨', '刘', '陈', '赵', '周', '黄', '吴'] as const;
const HAN_SURNAMES = [
  '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐',
  '冯', '董', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡',
  '丁', '魏', '薛', '叶', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜', '范', '方',
  '石', '姚', '谭', '廖', '邹', '熊', '金', '陆', '孔', '白', '崔', '毛', '邱', '秦', '江', '史',
  '顾', '侯', '邵', '孟', '龙', '段', '雷', '汤', '尹', '易', '常', '武', '贺', '龚', '文', '普',
] as const;
/** Surnames frequent among the Naxi of Lijiang. */
const NAXI_SURNAMES = [['和', 10], ['木', 3], ['杨', 3], ['李', 2], ['赵', 2], ['王', 1], ['习', 1], ['牛', 1], ['杜', 1]] as const;
/** Yi clan names, written as transliterated. */
const YI_CLANS = [
  '阿苏', '吉克', '沙马', '阿鲁', '俄木', '勒格', '瓦扎', '马海', '吉伍', '阿约', '曲比', '吉木',
  '金古', '阿牛', '俄底', '尔古', '毛木', '罗木', '补约', '日火',
] as const;
const YI_GIVEN_M = ['拉则', '木呷', '伍沙', '尔日', '史者', '铁哈', '日哈', '拉哈', '子哈', '尔且', '石布', '拉铁', '木乃', '伍呷', '阿甲'] as const;
const YI_GIVEN_F = ['阿依', '拉嫫', '伍嫫', '史嫫', '日嫫', '阿芝', '拉芝', '有格嫫', '木嫫', '尔依', '金依'] as const;
/** Mosuo house names and personal names, joined with `·`. */
const MOSUO_HOUSES = ['达史', '格若', '阿窝', '尔青', '独支', '拉木', '阿珠', '高若', '次尔', '鲁汝'] as const;
const MOSUO_GIVEN_M = ['扎西', '次尔', '鲁若', '农布', '多吉', '尔车', '格则', '独吉'] as const;
const MOSUO_GIVEN_F = ['拉措', '卓玛', '独玛', '拉姆', '达珠', '直玛', '次珠', '尔措'] as const;

const GIVEN_M = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '华', '飞', '鑫',
  '波', '斌', '宇', '浩', '凯', '健', '俊', '帆', '旭', '宁', '龙', '林', '阳', '兵', '东', '文',
  '国', '建', '志', '海', '峰', '庆', '德', '永', '荣', '光', '春', '学', '忠', '福', '云', '成',
  '金', '祥', '宏', '武', '亮', '晨', '博', '昊', '睿', '泽', '航', '毅', '卫', '锋', '正', '松',
  '贵', '发', '顺', '剑', '彪', '坤', '锐', '源', '钧', '晓', '世', '天', '绍', '开', '家', '仁',
] as const;
const GIVEN_F = [
  '芳', '娟', '敏', '静', '丽', '艳', '娜', '秀', '霞', '燕', '玲', '婷', '琳', '倩', '雪', '慧',
  '莉', '萍', '红', '梅', '兰', '琼', '凤', '洁', '颖', '悦', '欣', '佳', '蕊', '涵', '晓', '月',
  '彩', '菊', '英', '芬', '玉', '珍', '瑶', '妍', '春', '云', '文', '丹', '琴', '桂', '美', '素',
] as const;

/**
 * Characters this generator only ever puts in women's names: a name holding one of them is
 * female, which the tests check against the ID number's gender digit.
 */
export const FEMALE_ONLY_CHARS: ReadonlySet<string> = new Set([
  '芳', '娟', '婷', '娜', '艳', '燕', '霞', '玲', '莉', '萍', '梅', '兰', '琼', '妍', '瑶', '菊',
  '芬', '嫫', '措', '卓', '姆', '芝', '依',
]);

/**
 * Names of well-known people the character lists above could produce: never generated.
 * (Any common name is shared by many ordinary people; these are the famous ones.)
 */
export const FAMOUS_NAMES: ReadonlySet<string> = new Set([
  '李强', '王毅', '李鹏', '王勇', '王宁', '李希', '韩正', '李娜', '王菲', '李宁', '刘翔', '孙杨',
  '朱婷', '李健', '张杰', '杨洋', '李晨', '王凯', '刘欢', '周杰', '黄晓明', '杨幂', '赵丽颖',
  '刘涛', '王鸥', '李冰', '陈坤', '孙俪', '胡歌', '杨丽萍', '海来阿木', '吉克隽逸', '杨二车娜姆',
  '张伟', '王伟', '刘德华', '周迅', '林丹', '郭晶晶', '刘国梁', '马龙', '张继科', '陈梦', '王楠',
  '张怡宁', '邓亚萍', '孔令辉', '丁宁', '李永波', '宋丹丹', '韩红', '李玉刚', '王力宏', '林俊杰',
  '杨利伟', '景海鹏', '王亚平', '刘洋', '邓超', '孙红雷', '黄渤', '张涛', '王峰', '李明',
]);

function hanSurname(rng: Rng): string {
  return rng.chance(0.45) ? rng.pick(HAN_SURNAMES_COMMON) : rng.pick(HAN_SURNAMES);
}

export function surnameFor(rng: Rng, style: NameStyle): string {
  switch (style) {
    case 'han':
      return hanSurname(rng);
    case 'naxi':
      return rng.weighted(NAXI_SURNAMES);
    case 'yi':
      return rng.pick(YI_CLANS);
    case 'mosuo':
      return rng.pick(MOSUO_HOUSES);
  }
}

/** The style a surname belongs to, so that children and siblings keep their family's style. */
export function styleOfSurname(surname: string): NameStyle {
  if ((YI_CLANS as readonly string[]).includes(surname)) return 'yi';
  if ((MOSUO_HOUSES as readonly string[]).includes(surname)) return 'mosuo';
  return surname === '和' || surname === '木' ? 'naxi' : 'han';
}

function hanGiven(rng: Rng, gender: Gender): string {
  const chars = gender === 'M' ? GIVEN_M : GIVEN_F;
  const first = rng.pick(chars);
  if (rng.chance(0.3)) return first;
  let second = rng.pick(chars);
  while (second === first) second = rng.pick(chars);
  return first + second;
}

function composeName(rng: Rng, gender: Gender, surname: string): string {
  const style = styleOfSurname(surname);
  if (style === 'yi') return surname + rng.pick(gender === 'M' ? YI_GIVEN_M : YI_GIVEN_F);
  if (style === 'mosuo') return `${surname}·${rng.pick(gender === 'M' ? MOSUO_GIVEN_M : MOSUO_GIVEN_F)}`;
  return surname + hanGiven(rng, gender);
}

/**
 * A name for someone of `gender`: with `surname` given (a child taking the father's name), in
 * that surname's style; otherwise a surname is drawn in `style`.
 */
export function makeName(rng: Rng, gender: Gender, style: NameStyle, surname?: string): { name: string; surname: string } {
  const family = surname ?? surnameFor(rng, style);
  for (;;) {
    const name = composeName(rng, gender, family);
    if (!FAMOUS_NAMES.has(name)) return { name, surname: family };
  }
}
