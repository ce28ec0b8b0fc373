/**
 * Synthetic people for the welfare month: a name in the county's styles and an ID number no one
 * else in the month has, so that two datasets only share a person when a planted case says so.
 */
import { randomBirthDate, type BirthDate } from '../demo/identity';
import { makeName, styleOfSurname, type Gender } from '../demo/names';
import type { CountyInfo } from '../demo/places';
import type { Rng } from '../demo/random';
import { IdAllocator } from './ids';

export interface Person {
  name: string;
  idNumber: string;
  gender: Gender;
  birth: BirthDate;
  county: CountyInfo;
  /** the family name children take */
  surname: string;
}

export interface NewPerson {
  county: CountyInfo;
  born: readonly [number, number];
  gender?: Gender;
  /** keep a family's surname */
  surname?: string;
}

export class People {
  private readonly ids = new IdAllocator();

  constructor(private readonly rng: Rng) {}

  person(spec: NewPerson): Person {
    const { rng } = this;
    const gender = spec.gender ?? (rng.chance(0.5) ? 'M' : 'F');
    const style = spec.surname ? styleOfSurname(spec.surname) : rng.weighted(spec.county.nameStyles);
    const { name, surname } = makeName(rng, gender, style, spec.surname);
    const birth = randomBirthDate(rng, spec.born[0], spec.born[1]);
    return { name, idNumber: this.ids.idNumber(spec.county.code, birth, gender), gender, birth, county: spec.county, surname };
  }

  /** Another name for the same person, when the first one would collide with someone's it must not. */
  rename(person: Person): void {
    const { name, surname } = makeName(this.rng, person.gender, this.rng.weighted(person.county.nameStyles));
    person.name = name;
    person.surname = surname;
  }
}

const epochDays = new Map<string, number>();

function daysOf(iso: string): number {
  let days = epochDays.get(iso);
  if (days === undefined) {
    days = Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    epochDays.set(iso, days);
  }
  return days;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 to YYYY-MM-DD (the civil-from-days algorithm: arithmetic, no Date). */
export function isoFromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** A date between two ISO dates, both included. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = daysOf(from);
  return isoFromDays(a + rng.int(0, Math.max(0, daysOf(to) - a)));
}
