/**
 * The posts each kind of unit is staffed with: position, rank, category and the birth years a
 * holder of that post plausibly has (cadres are born 1965–2000).
 */
import type { CATEGORIES, RANKS } from '../../src/shared/api/registry';
import type { PlannedUnit } from './org';
import type { Rng } from './random';

export type Rank = (typeof RANKS)[number];
export type Category = (typeof CATEGORIES)[number];

export interface Post {
  position: string;
  rank: Rank | null;
  category: Category;
  born: readonly [number, number];
}

const post = (position: string, rank: Rank | null, category: Category, from: number, to: number): Post => ({
  position,
  rank,
  category,
  born: [from, to],
});

function times(n: number, make: () => Post): Post[] {
  return Array.from({ length: n }, make);
}

/** A junior civil servant; some bureau staff are 参公 (civil-service-managed institutions). */
function clerk(rng: Rng, shareCangong: number): Post {
  return post('科员', '科员', rng.chance(shareCangong) ? '参公人员' : '公务员', 1985, 2000);
}

function specialist(rng: Rng): Post {
  return post(rng.pick(['专业技术人员', '工作人员']), null, '事业编制', 1972, 2000);
}

function townshipPosts(rng: Rng, unit: PlannedUnit): Post[] {
  const type = unit.townshipType;
  const party = type === 'street' ? '党工委' : '党委';
  const head = type === 'street' ? '办事处主任' : type === 'town' ? '镇长' : '乡长';
  const deputy = type === 'street' ? '办事处副主任' : type === 'town' ? '副镇长' : '副乡长';
  const discipline = type === 'street' ? '纪工委书记' : '纪委书记';
  return [
    post(`${party}书记`, '正科', '公务员', 1966, 1980),
    post(head, '正科', '公务员', 1970, 1984),
    ...times(rng.int(0, 1), () => post(`${party}副书记`, '副科', '公务员', 1972, 1988)),
    post(discipline, '副科', '公务员', 1972, 1988),
    ...times(rng.int(1, 2), () => post(deputy, '副科', '公务员', 1975, 1990)),
    ...times(rng.int(0, 1), () => post('科员', '科员', '公务员', 1988, 2000)),
    ...times(rng.int(0, 1), () => post('社会保障服务中心主任', null, '事业编制', 1972, 1992)),
  ];
}

function villagePosts(rng: Rng, unit: PlannedUnit): Post[] {
  const committee = unit.community ? '居委会主任' : '村委会主任';
  const supervisor = unit.community ? '居务监督委员会主任' : '村监委主任';
  const cadre = (position: string, from: number, to: number) => post(position, null, '村(社区)干部', from, to);
  const leaders = rng.chance(0.6)
    ? [cadre(`党总支书记、${committee}`, 1965, 1992)]
    : [cadre('党总支书记', 1965, 1990), cadre(committee, 1968, 1995)];
  const accountant = rng.chance(0.7) ? [cadre('会计', 1972, 1998)] : [];
  return [...leaders, cadre(supervisor, 1965, 1995), ...accountant];
}

export function postsFor(rng: Rng, unit: PlannedUnit): Post[] {
  switch (unit.role) {
    case 'city':
    case 'county':
      return [];
    case 'city_office':
      return [
        post('主任', '正科', '公务员', 1966, 1982),
        ...times(rng.int(0, 1), () => post('副主任', '副科', '公务员', 1972, 1988)),
        ...times(rng.int(1, 2), () => clerk(rng, 0)),
      ];
    case 'resident_group':
      return [
        post('组长', '副处', '公务员', 1965, 1976),
        post('副组长', '正科', '公务员', 1970, 1985),
        ...times(rng.int(1, 2), () => clerk(rng, 0)),
      ];
    case 'city_bureau':
      return [
        post('局长', '正处', '公务员', 1965, 1974),
        ...times(rng.int(1, 2), () => post('副局长', '副处', '公务员', 1967, 1980)),
        ...times(rng.int(1, 2), () => post('科长', '正科', '公务员', 1970, 1986)),
        ...times(rng.int(0, 1), () => post('副科长', '副科', '公务员', 1978, 1990)),
        ...times(rng.int(1, 2), () => clerk(rng, 0.25)),
        ...times(rng.int(0, 2), () => specialist(rng)),
      ];
    case 'county_office':
      return [
        post('主任', '正科', '公务员', 1966, 1982),
        ...times(rng.int(0, 1), () => post('副主任', '副科', '公务员', 1975, 1990)),
        ...times(rng.int(1, 2), () => clerk(rng, 0)),
      ];
    case 'county_bureau':
      return [
        post('局长', '正科', '公务员', 1966, 1978),
        ...times(rng.int(1, 2), () => post('副局长', '副科', '公务员', 1970, 1985)),
        ...times(rng.int(0, 1), () => post('股长', '科员', '公务员', 1978, 1992)),
        clerk(rng, 0.25),
        ...times(rng.int(0, 1), () => specialist(rng)),
      ];
    case 'township':
      return townshipPosts(rng, unit);
    case 'village':
      return villagePosts(rng, unit);
  }
}
