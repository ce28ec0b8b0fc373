/**
 * The people being generated and the kin links between them, with what the generator needs to
 * know about each person beyond what it outputs (gender, birth date, home county and village).
 */
import type { KinRelation } from '../../src/shared/api/registry';
import type { DemoKin, DemoPerson } from './generate';
import { IdentityPool, isoDate, randomBirthDate, type BirthDate } from './identity';
import { makeName, styleOfSurname, type Gender } from './names';
import type { PlannedUnit } from './org';
import type { CountyInfo } from './places';
import type { Rng } from './random';
import type { Post } from './staff';

export type PersonRole = 'cadre' | 'village_cadre' | 'resident';

export interface GenPerson extends DemoPerson {
  gender: Gender;
  birth: BirthDate;
  birthDate: string;
  county: CountyInfo;
  surname: string;
  role: PersonRole;
  /** the unit the person works in (cadres) */
  unit: PlannedUnit | null;
  /** where the family lives: village cadres' and residents' village, else null */
  home: PlannedUnit | null;
  spouse: GenPerson | null;
  hasChildren: boolean;
}

export interface NewPerson {
  gender: Gender;
  years: readonly [number, number];
  county: CountyInfo;
  /** keep a family's surname (children, siblings, fathers) */
  surname?: string;
  role: PersonRole;
  unit: PlannedUnit | null;
  home: PlannedUnit | null;
  post?: Post;
  /** chance of having a phone on record (cadres always do) */
  phoneShare?: number;
}

export class Population {
  readonly people: GenPerson[] = [];
  readonly kin: DemoKin[] = [];
  private readonly identities: IdentityPool;
  private readonly pairs = new Set<string>();

  constructor(private readonly rng: Rng) {
    this.identities = new IdentityPool(rng);
  }

  add(spec: NewPerson): GenPerson {
    const { rng } = this;
    const style = spec.surname ? styleOfSurname(spec.surname) : rng.weighted(spec.county.nameStyles);
    const { name, surname } = makeName(rng, spec.gender, style, spec.surname);
    const birth = randomBirthDate(rng, spec.years[0], spec.years[1]);
    const cadre = spec.role !== 'resident';
    const adult = birth.year <= 2006;
    const withPhone = cadre || (adult && rng.chance(spec.phoneShare ?? 0.6));
    const person: GenPerson = {
      name,
      idNumber: this.identities.idNumber(spec.county.code, birth, spec.gender),
      unitCode: cadre ? (spec.unit?.code ?? null) : (spec.home?.code ?? null),
      position: spec.post?.position ?? null,
      rank: spec.post?.rank ?? null,
      category: spec.post?.category ?? '其他',
      phone: withPhone ? this.identities.phone() : null,
      gender: spec.gender,
      birth,
      birthDate: isoDate(birth),
      county: spec.county,
      surname,
      role: spec.role,
      unit: spec.unit,
      home: spec.home,
      spouse: null,
      hasChildren: false,
    };
    this.people.push(person);
    return person;
  }

  /** Records that `relative` is `relation` to `person`; each pair of people is linked once. */
  link(person: GenPerson, relative: GenPerson, relation: KinRelation): boolean {
    if (person === relative) return false;
    const key = [person.idNumber, relative.idNumber].sort().join('|');
    if (this.pairs.has(key)) return false;
    this.pairs.add(key);
    this.kin.push({ idNumber: person.idNumber, relativeIdNumber: relative.idNumber, relation });
    return true;
  }

  marry(a: GenPerson, b: GenPerson): void {
    if (this.link(a, b, '配偶')) {
      a.spouse = b;
      b.spouse = a;
    }
  }
}
