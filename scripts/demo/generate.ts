/**
 * Deterministic synthetic demo data for Zhijian: the Lijiang org tree, cadres in their posts,
 * village residents and kin links. Pure: no I/O, no clock, no Math.random; the same seed always
 * gives deep-equal output. Every name, ID number and phone number is synthetic.
 */
import type { KinRelation, UnitKind } from '../../src/shared/api/registry';
import { addFamily, type FamilyContext } from './kin';
import { planOrg, type PlannedUnit } from './org';
import { COUNTIES, type CountyInfo } from './places';
import { Population, type GenPerson } from './population';
import { Rng } from './random';
import { postsFor } from './staff';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}

export interface DemoPerson {
  name: string;
  idNumber: string;
  unitCode: string | null;
  position: string | null;
  rank: string | null;
  category: string | null;
  phone: string | null;
}

/** `relation` is what the relative is to the person (配偶, 父母 …). Each pair appears once. */
export interface DemoKin {
  idNumber: string;
  relativeIdNumber: string;
  relation: KinRelation;
}

export interface DemoData {
  units: DemoUnit[];
  people: DemoPerson[];
  kin: DemoKin[];
}

/** A person with the facts the ID number encodes spelled out, for tests and statistics. */
export interface DemoPersonDetail extends DemoPerson {
  gender: 'M' | 'F';
  /** YYYY-MM-DD */
  birthDate: string;
}

export interface DemoDataDetail {
  units: DemoUnit[];
  people: DemoPersonDetail[];
  kin: DemoKin[];
}

export const DEFAULT_SEED = 530700;

/** Share of men among holders of a post in a unit of this kind. */
const MALE_SHARE: Record<PlannedUnit['role'], number> = {
  city: 0.6,
  county: 0.6,
  city_office: 0.6,
  resident_group: 0.65,
  city_bureau: 0.6,
  county_office: 0.6,
  county_bureau: 0.6,
  township: 0.7,
  village: 0.72,
};

/** Share of cadres of each kind whose family is generated. */
const FAMILY_SHARE = { cadre: 0.32, village_cadre: 0.1, resident: 0 } as const;

function homeCounty(rng: Rng, unit: PlannedUnit): CountyInfo {
  if (unit.county) return unit.county;
  // City-level staff: most are registered in 古城区, the seat of the city, the rest anywhere.
  return rng.chance(0.5) ? COUNTIES[0]! : rng.pick(COUNTIES);
}

function staffUnits(rng: Rng, population: Population, units: readonly PlannedUnit[]): void {
  for (const unit of units) {
    for (const post of postsFor(rng, unit)) {
      const village = unit.role === 'village';
      population.add({
        gender: rng.chance(MALE_SHARE[unit.role]) ? 'M' : 'F',
        years: post.born,
        county: homeCounty(rng, unit),
        role: village ? 'village_cadre' : 'cadre',
        unit,
        home: village ? unit : null,
        post,
      });
    }
  }
}

function addResidents(rng: Rng, population: Population, villages: readonly PlannedUnit[]): void {
  const gender = () => (rng.chance(0.5) ? 'M' : 'F');
  for (const village of villages) {
    const count = rng.chance(0.4) ? 1 : 0;
    for (let i = 0; i < count; i++) {
      population.add({ gender: gender(), years: [1940, 2015], county: village.county!, role: 'resident', unit: null, home: village });
    }
  }
  for (let i = 0; i < 20; i++) {
    population.add({ gender: gender(), years: [1940, 2015], county: rng.pick(COUNTIES), role: 'resident', unit: null, home: null });
  }
}

function groupBy(units: readonly PlannedUnit[], key: (u: PlannedUnit) => string): Map<string, PlannedUnit[]> {
  const map = new Map<string, PlannedUnit[]>();
  for (const unit of units) {
    const k = key(unit);
    const list = map.get(k);
    if (list) list.push(unit);
    else map.set(k, [unit]);
  }
  return map;
}

function detail(p: GenPerson): DemoPersonDetail {
  return {
    name: p.name,
    idNumber: p.idNumber,
    unitCode: p.unitCode,
    position: p.position,
    rank: p.rank,
    category: p.category,
    phone: p.phone,
    gender: p.gender,
    birthDate: p.birthDate,
  };
}

/** The demo data with each person's gender and birth date alongside. */
export function generateDemoDetail(options: { seed?: number } = {}): DemoDataDetail {
  const rng = new Rng(options.seed ?? DEFAULT_SEED);
  const planned = planOrg(rng);
  const villages = planned.filter((u) => u.kind === 'village');
  const population = new Population(rng);

  staffUnits(rng, population, planned);

  const ctx: FamilyContext = {
    rng,
    population,
    villagesByCounty: groupBy(villages, (v) => v.county!.code),
    villagesByTownship: groupBy(villages, (v) => v.parentCode!),
  };
  const cadres = population.people.filter((p) => p.role !== 'resident');
  for (const cadre of cadres) {
    if (rng.chance(FAMILY_SHARE[cadre.role])) addFamily(ctx, cadre);
  }

  addResidents(rng, population, villages);

  return {
    units: planned.map(({ code, name, kind, parentCode }) => ({ code, name, kind, parentCode })),
    people: population.people.map(detail),
    kin: population.kin,
  };
}

export function generateDemo(options: { seed?: number } = {}): DemoData {
  const { units, people, kin } = generateDemoDetail(options);
  return {
    units,
    people: people.map(({ name, idNumber, unitCode, position, rank, category, phone }) => ({
      name,
      idNumber,
      unitCode,
      position,
      rank,
      category,
      phone,
    })),
    kin,
  };
}
