/**
 * Identifiers for the synthetic month: resident ID numbers unique across every dataset (without
 * a set of the millions handed out), the typos a clerk makes in them, and unified social credit
 * codes with correct check characters.
 */
import { checkCharacter } from '../../src/core/registry/id-number';
import { creditCheckCharacter } from '../../src/core/welfare/import/credit-code';
import type { BirthDate } from '../demo/identity';
import type { Gender } from '../demo/names';
import type { Rng } from '../demo/random';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** 499 is prime: `(k * STEP + offset) % 499` visits every slot once as k runs 0…498. */
const SLOTS = 499;
const STEP = 37;
/** birth dates as `(year - 1900) * 372 + (month - 1) * 31 + day - 1`: sparse but a plain index */
const DAY_KEYS = 200 * 372;

function nextDay(b: BirthDate): BirthDate {
  const date = new Date(Date.UTC(b.year, b.month - 1, b.day + 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Hands out valid 18-digit ID numbers, each at most once: per region, birth date and gender a
 * counter walks the 499 sequence numbers of that gender in a scrambled order, so millions of
 * people need a small array of counters rather than a set of millions of strings.
 */
export class IdAllocator {
  private readonly regions = new Map<string, Uint16Array>();

  idNumber(regionCode: string, birth: BirthDate, gender: Gender): string {
    let counters = this.regions.get(regionCode);
    if (!counters) {
      counters = new Uint16Array(DAY_KEYS * 2);
      this.regions.set(regionCode, counters);
    }
    let date = birth;
    for (;;) {
      const key = ((date.year - 1900) * 372 + (date.month - 1) * 31 + date.day - 1) * 2 + (gender === 'M' ? 1 : 0);
      const k = counters[key]!;
      if (k < SLOTS) {
        counters[key] = k + 1;
        const slot = (k * STEP + ((Math.imul(key, 2_654_435_761) >>> 0) % SLOTS)) % SLOTS;
        // men odd 001…997, women even 002…998 (000 is never issued)
        const sequence = slot * 2 + (gender === 'M' ? 1 : 2);
        const first17 = `${regionCode}${date.year}${pad(date.month, 2)}${pad(date.day, 2)}${pad(sequence, 3)}`;
        return first17 + checkCharacter(first17);
      }
      date = nextDay(date);
    }
  }
}

/** A different digit in one of the first 17 places (region, birth date or sequence): the check character no longer fits. */
export function oneDigitTypo(rng: Rng, id: string, positions: readonly [number, number] = [14, 16]): string {
  const at = rng.int(positions[0], positions[1]);
  const old = Number(id[at]);
  const digit = (old + rng.int(1, 9)) % 10;
  return id.slice(0, at) + String(digit) + id.slice(at + 1);
}

/** Two neighbouring, different digits among the first 17 swapped. */
export function swapTypo(rng: Rng, id: string): string {
  for (;;) {
    const at = rng.int(6, 15);
    if (id[at] !== id[at + 1]) return id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
  }
}

/** Two digits changed far apart: not a near match. */
export function twoDigitTypo(rng: Rng, id: string): string {
  const first = oneDigitTypo(rng, id, [6, 9]);
  return oneDigitTypo(rng, first, [14, 16]);
}

/** Another check character than the right one. */
export function wrongCheckCharacter(rng: Rng, id: string): string {
  const right = id[17]!;
  for (;;) {
    const c = rng.pick('0123456789X'.split(''));
    if (c !== right) return id.slice(0, 17) + c;
  }
}

/** A birth date that does not exist (the 30th of February, month 13), with a check character that fits. */
export function impossibleBirthDate(rng: Rng, id: string): string {
  const year = id.slice(6, 10);
  const mmdd = rng.pick(['0230', '0231', '1301', '0431', '0002']);
  const first17 = `${id.slice(0, 6)}${year}${mmdd}${id.slice(14, 17)}`;
  return first17 + checkCharacter(first17);
}

/** The old 15-digit form of an 18-digit number of someone born in the 1900s, or null. */
export function fifteenDigitForm(id: string): string | null {
  if (id.slice(6, 8) !== '19') return null;
  return id.slice(0, 6) + id.slice(8, 17);
}

// Unified social credit codes, GB 32100-2015: registering authority, kind, region, the
// organisation code of GB 11714 (eight characters and its own check), then the check character
// over the first 17.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The `serial`-th company's code in a region: distinct serials give distinct codes. */
export function creditCode(regionCode: string, serial: number): string {
  // scrambled so that neighbouring companies do not get neighbouring codes
  const body = pad((serial * 7_919 + 10_000_019) % 100_000_000, 8);
  const first17 = `91${regionCode}${body}${orgCodeCheck(body)}`;
  return first17 + creditCheckCharacter(first17)!;
}
