/**
 * The org tree: the city, the city commission's offices and resident groups, city bureaus, the
 * five counties with their commission offices and bureaus, townships and generated villages.
 * Units come out parents-first.
 */
import type { UnitKind } from '../../src/shared/api/registry';
import {
  CITY,
  CITY_BUREAUS,
  CITY_COMMISSION_OFFICES,
  COUNTIES,
  COUNTY_BUREAUS,
  COUNTY_COMMISSION_OFFICES,
  RESIDENT_GROUP_ORDINALS,
  VILLAGE_FIRST,
  VILLAGE_SECOND,
  townshipType,
  type CountyInfo,
  type TownshipType,
} from './places';
import type { DemoUnit } from './generate';
import type { Rng } from './random';

/** What kind of staff a unit has. */
export type UnitRole =
  | 'city'
  | 'city_office'
  | 'resident_group'
  | 'city_bureau'
  | 'county'
  | 'county_office'
  | 'county_bureau'
  | 'township'
  | 'village';

export interface PlannedUnit extends DemoUnit {
  role: UnitRole;
  /** the county the unit lies in; null for the city and its own offices */
  county: CountyInfo | null;
  /** townships: 街道 / 镇 / 乡; villages: their township's type */
  townshipType: TownshipType | null;
  /** villages: community (社区) or village (村) */
  community: boolean;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function villageName(rng: Rng, used: Set<string>, community: boolean): string {
  for (;;) {
    const first = rng.pick(VILLAGE_FIRST);
    const second = rng.pick(VILLAGE_SECOND);
    if (first === second) continue;
    const name = `${first}${second}${community ? '社区' : '村'}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function villagesOf(rng: Rng, township: PlannedUnit, county: CountyInfo, type: TownshipType): PlannedUnit[] {
  const count = rng.int(3, 4);
  const used = new Set<string>();
  const out: PlannedUnit[] = [];
  // Statistical-code style: communities 001…, villages 201….
  let nextCommunity = 1;
  let nextVillage = 201;
  for (let i = 0; i < count; i++) {
    const community = type === 'street' || (type === 'town' && i === 0);
    const seq = community ? nextCommunity++ : nextVillage++;
    out.push({
      code: `${township.code}${pad(seq, 3)}`,
      name: villageName(rng, used, community),
      kind: 'village',
      parentCode: township.code,
      role: 'village',
      county,
      townshipType: type,
      community,
    });
  }
  return out;
}

function unit(
  code: string,
  name: string,
  kind: UnitKind,
  parentCode: string | null,
  role: UnitRole,
  county: CountyInfo | null,
): PlannedUnit {
  return { code, name, kind, parentCode, role, county, townshipType: null, community: false };
}

export function planOrg(rng: Rng): PlannedUnit[] {
  const units: PlannedUnit[] = [unit(CITY.code, CITY.name, 'city', null, 'city', null)];
  CITY_COMMISSION_OFFICES.forEach((office, i) => {
    units.push(unit(`${CITY.code}-D${pad(i + 1, 2)}`, `丽江市纪委监委${office}`, 'department', CITY.code, 'city_office', null));
  });
  RESIDENT_GROUP_ORDINALS.forEach((ordinal, i) => {
    const name = `丽江市纪委监委派驻第${ordinal}纪检监察组`;
    units.push(unit(`${CITY.code}-P${pad(i + 1, 2)}`, name, 'resident_group', CITY.code, 'resident_group', null));
  });
  CITY_BUREAUS.forEach((bureau, i) => {
    units.push(unit(`${CITY.code}-B${pad(i + 1, 2)}`, `丽江市${bureau}`, 'department', CITY.code, 'city_bureau', null));
  });

  for (const county of COUNTIES) {
    units.push(unit(county.code, county.name, 'county', CITY.code, 'county', county));
    COUNTY_COMMISSION_OFFICES.forEach((office, i) => {
      const name = `${county.short}纪委监委${office}`;
      units.push(unit(`${county.code}-D${pad(i + 1, 2)}`, name, 'department', county.code, 'county_office', county));
    });
    COUNTY_BUREAUS.forEach((bureau, i) => {
      const name = `${county.short}${bureau}`;
      units.push(unit(`${county.code}-B${pad(i + 1, 2)}`, name, 'department', county.code, 'county_bureau', county));
    });
    // Statistical-code style: streets 001…, towns 101…, townships 201….
    const next: Record<TownshipType, number> = { street: 1, town: 101, township: 201 };
    const villages: PlannedUnit[] = [];
    for (const name of county.townships) {
      const type = townshipType(name);
      const township: PlannedUnit = {
        ...unit(`${county.code}${pad(next[type]++, 3)}`, name, 'township', county.code, 'township', county),
        townshipType: type,
      };
      units.push(township);
      villages.push(...villagesOf(rng, township, county, type));
    }
    units.push(...villages);
  }
  return units;
}
