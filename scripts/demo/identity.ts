/**
 * Birth dates, ID numbers and phone numbers for synthetic people, each unique within one run.
 */
import { checkCharacter } from '../../src/core/registry/id-number';
import type { Gender } from './names';
import type { Rng } from './random';

export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function randomBirthDate(rng: Rng, fromYear: number, toYear: number): BirthDate {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  return { year, month, day: rng.int(1, daysInMonth(year, month)) };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function isoDate(b: BirthDate): string {
  return `${b.year}-${pad(b.month, 2)}-${pad(b.day, 2)}`;
}

export class IdentityPool {
  private readonly ids = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /**
   * An 18-digit ID number: region, birth date, a 3-digit sequence whose last digit is odd for
   * men and even for women, and the check character.
   */
  idNumber(regionCode: string, birth: BirthDate, gender: Gender): string {
    for (;;) {
      const genderDigit = gender === 'M' ? this.rng.pick([1, 3, 5, 7, 9]) : this.rng.pick([0, 2, 4, 6, 8]);
      const sequence = this.rng.int(0, 99) * 10 + genderDigit;
      if (sequence === 0) continue;
      const first17 = `${regionCode}${birth.year}${pad(birth.month, 2)}${pad(birth.day, 2)}${pad(sequence, 3)}`;
      const id = first17 + checkCharacter(first17);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  /** An 11-digit mobile number in the 170/171 virtual-operator ranges: clearly synthetic. */
  phone(): string {
    for (;;) {
      const phone = `17${this.rng.int(0, 1)}${pad(this.rng.int(0, 99_999_999), 8)}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }
}
