/**
 * Resident ID numbers per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character over the first 17 digits.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'birthDate' | 'checkCharacter';

export type ParsedIdNumber =
  | { valid: true; idNumber: string; gender: 'M' | 'F'; birthDate: string; regionCode: string }
  | { valid: false; idNumber: string; problem: IdNumberProblem };

/** The check character of the first 17 characters of `id`, which must be digits. */
function checkOf(id: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** The check character for the first 17 digits of an 18-digit number. */
export function checkCharacter(first17: string): string {
  if (first17.length !== 17 || !digitsOnly(first17, 17)) throw new RangeError('checkCharacter needs exactly 17 digits');
  return checkOf(first17);
}

/** Whether the first `count` characters are ASCII digits. */
function digitsOnly(text: string, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Digits only, except an upper-case X at the end: what almost every cell of a million-row file holds. */
function isCanonical(raw: string): boolean {
  const n = raw.length;
  if (n !== 18 && n !== 15) return false;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if ((c < 48 || c > 57) && !(c === 88 && i === n - 1)) return false;
  }
  return true;
}

/** Full-width digits and letters to ASCII, spaces removed, `x` upper-cased. */
function canonicalText(raw: string): string {
  if (isCanonical(raw)) return raw;
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number the digits of `text` from `at` make, `count` of them. */
function digitsValue(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** The eight digits of an ID number from position 6 name a day of the Gregorian calendar from 1900 on. */
function isRealBirthDate(id: string): boolean {
  const y = digitsValue(id, 6, 4);
  const m = digitsValue(id, 10, 2);
  const d = digitsValue(id, 12, 2);
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/**
 * Normalises and validates an ID number as written in a form or file: accepts lowercase `x`,
 * full-width digits, surrounding spaces, and the old 15-digit form (converted to 18 digits).
 * An invalid number comes back with the cleaned text and the first problem found.
 */
export function parseIdNumber(raw: string): ParsedIdNumber {
  let id = canonicalText(raw);
  if (id.length === 15 && digitsOnly(id, 15)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + checkOf(first17);
  }
  if (id.length !== 18 || !digitsOnly(id, 17) || !(id[17] === 'X' || digitsOnly(id[17]!, 1))) return { valid: false, idNumber: id, problem: 'format' };
  if (!isRealBirthDate(id)) return { valid: false, idNumber: id, problem: 'birthDate' };
  if (checkOf(id) !== id[17]) return { valid: false, idNumber: id, problem: 'checkCharacter' };
  return {
    valid: true,
    idNumber: id,
    gender: (id.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    regionCode: id.slice(0, 6),
  };
}
