/**
 * Families around cadres: a spouse (now and then another cadre), children, parents and siblings,
 * most of them ordinary village residents. Ages stay plausible: spouses within 5 years, parents
 * 20–40 years older than their children, everyone born 1940–2015.
 */
import type { Gender } from './names';
import type { PlannedUnit } from './org';
import type { GenPerson, NewPerson, Population } from './population';
import type { Rng } from './random';

const OLDEST = 1940;
const YOUNGEST = 2015;

const opposite = (g: Gender): Gender => (g === 'M' ? 'F' : 'M');
const anyGender = (rng: Rng): Gender => (rng.chance(0.5) ? 'M' : 'F');

export interface FamilyContext {
  rng: Rng;
  population: Population;
  villagesByCounty: ReadonlyMap<string, readonly PlannedUnit[]>;
  villagesByTownship: ReadonlyMap<string, readonly PlannedUnit[]>;
}

/** The village a cadre's family lives in: a village cadre's own, else one near the post. */
function familyHome(ctx: FamilyContext, cadre: GenPerson): PlannedUnit | null {
  const { rng } = ctx;
  if (cadre.home && rng.chance(0.8)) return cadre.home;
  if (cadre.unit?.role === 'township' && rng.chance(0.6)) {
    return rng.pick(ctx.villagesByTownship.get(cadre.unit.code) ?? []);
  }
  if (rng.chance(0.3)) return null;
  return rng.pick(ctx.villagesByCounty.get(cadre.county.code) ?? []);
}

/** Where one relative lives: mostly the family's village, sometimes elsewhere in the county. */
function relativeHome(ctx: FamilyContext, cadre: GenPerson, home: PlannedUnit | null, stay: number): PlannedUnit | null {
  const { rng } = ctx;
  if (rng.chance(stay)) return home;
  return rng.chance(0.5) ? null : rng.pick(ctx.villagesByCounty.get(cadre.county.code) ?? []);
}

function resident(cadre: GenPerson, gender: Gender, years: readonly [number, number], home: PlannedUnit | null): NewPerson {
  return { gender, years, county: cadre.county, role: 'resident', unit: null, home };
}

function findCadreSpouse(ctx: FamilyContext, cadre: GenPerson): GenPerson | null {
  const candidates = ctx.population.people.filter(
    (p) =>
      p.role !== 'resident' &&
      p !== cadre &&
      p.spouse === null &&
      !p.hasChildren &&
      p.gender !== cadre.gender &&
      p.county === cadre.county &&
      Math.abs(p.birth.year - cadre.birth.year) <= 5,
  );
  return candidates.length > 0 ? ctx.rng.pick(candidates) : null;
}

function addSpouse(ctx: FamilyContext, cadre: GenPerson, home: PlannedUnit | null): void {
  const { rng, population } = ctx;
  const y = cadre.birth.year;
  if (cadre.spouse || !rng.chance(y <= 1992 ? 0.75 : 0.3)) return;
  const colleague = rng.chance(0.15) ? findCadreSpouse(ctx, cadre) : null;
  const years = [Math.max(OLDEST, y - 5), Math.min(2003, y + 5)] as const;
  const spouse =
    colleague ?? population.add({ ...resident(cadre, opposite(cadre.gender), years, relativeHome(ctx, cadre, home, 0.7)), phoneShare: 0.8 });
  population.marry(cadre, spouse);
}

function addChildren(ctx: FamilyContext, cadre: GenPerson, home: PlannedUnit | null): void {
  const { rng, population } = ctx;
  const spouse = cadre.spouse;
  if (cadre.hasChildren || spouse?.hasChildren || !rng.chance(0.45)) return;
  const parents = spouse ? [cadre, spouse] : [cadre];
  const lo = Math.max(...parents.map((p) => p.birth.year)) + 21;
  const hi = Math.min(YOUNGEST, ...parents.map((p) => p.birth.year + 39));
  if (lo > hi) return;
  const father = parents.find((p) => p.gender === 'M');
  const count = rng.weighted([[1, 6], [2, 3], [3, 1]] as const);
  for (let i = 0; i < count; i++) {
    const child = population.add({
      ...resident(cadre, anyGender(rng), [lo, hi], relativeHome(ctx, cadre, home, 0.5)),
      surname: father?.surname ?? cadre.surname,
    });
    if (child.birth.year > 2006) {
      // minors live with the family
      child.home = home;
      child.unitCode = home?.code ?? null;
    }
    for (const parent of parents) population.link(parent, child, '子女');
  }
  for (const parent of parents) parent.hasChildren = true;
}

/** Parents (and then siblings, who share them). Returns the parents created. */
function addParents(ctx: FamilyContext, cadre: GenPerson, home: PlannedUnit | null): GenPerson[] {
  const { rng, population } = ctx;
  if (!rng.chance(0.35)) return [];
  const y = cadre.birth.year;
  const lo = Math.max(OLDEST, y - 39);
  const hi = y - 21;
  const out: GenPerson[] = [];
  if (rng.chance(0.85)) {
    out.push(population.add({ ...resident(cadre, 'M', [lo, hi], relativeHome(ctx, cadre, home, 0.85)), surname: cadre.surname }));
  }
  if (rng.chance(0.85)) {
    const fy = out[0]?.birth.year;
    const years = fy === undefined ? ([lo, hi] as const) : ([Math.max(lo, fy - 5), Math.min(hi, fy + 5)] as const);
    out.push(population.add({ ...resident(cadre, 'F', years, out[0] ? out[0].home : relativeHome(ctx, cadre, home, 0.85)) }));
  }
  for (const parent of out) population.link(cadre, parent, '父母');
  if (out.length === 2) population.marry(out[0]!, out[1]!);
  return out;
}

function addSiblings(ctx: FamilyContext, cadre: GenPerson, home: PlannedUnit | null, parents: GenPerson[]): void {
  const { rng, population } = ctx;
  if (!rng.chance(0.25)) return;
  const y = cadre.birth.year;
  const lo = Math.max(OLDEST, y - 8, ...parents.map((p) => p.birth.year + 21));
  const hi = Math.min(2008, y + 8, ...parents.map((p) => p.birth.year + 39));
  if (lo > hi) return;
  const count = rng.weighted([[1, 3], [2, 1]] as const);
  for (let i = 0; i < count; i++) {
    const sibling = population.add({
      ...resident(cadre, anyGender(rng), [lo, hi], relativeHome(ctx, cadre, home, 0.5)),
      surname: cadre.surname,
    });
    population.link(cadre, sibling, '兄弟姐妹');
    for (const parent of parents) population.link(sibling, parent, '父母');
  }
}

export function addFamily(ctx: FamilyContext, cadre: GenPerson): void {
  const home = familyHome(ctx, cadre);
  addSpouse(ctx, cadre, home);
  addChildren(ctx, cadre, home);
  const parents = addParents(ctx, cadre, home);
  addSiblings(ctx, cadre, home, parents);
}
