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

/** The check character for the first 17 digits of an 18-digit number. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('checkCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Full-width digits and letters to ASCII, spaces removed, `x` upper-cased. */
function canonicalText(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Normalises and validates an ID number as written in a form or file: accepts lowercase `x`,
 * full-width digits, surrounding spaces, and the old 15-digit form (converted to 18 digits).
 * An invalid number comes back with the cleaned text and the first problem found.
 */
export function parseIdNumber(raw: string): ParsedIdNumber {
  let id = canonicalText(raw);
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + checkCharacter(first17);
  }
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, idNumber: id, problem: 'format' };
  const birth = id.slice(6, 14);
  if (!isRealDate(birth)) return { valid: false, idNumber: id, problem: 'birthDate' };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) {
    return { valid: false, idNumber: id, problem: 'checkCharacter' };
  }
  return {
    valid: true,
    idNumber: id,
    gender: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    regionCode: id.slice(0, 6),
  };
}
