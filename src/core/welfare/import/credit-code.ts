/**
 * Unified social credit codes (统一社会信用代码) per GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, S, V, Z), the last a check
 * character over the first 17 (weights 3^i mod 31, check = 31 - sum mod 31).
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or undefined when one is outside the alphabet. */
export function creditCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Whether `code` (already upper-cased, no spaces) is a well-formed code with the right check character. */
export function isValidCreditCode(code: string): boolean {
  return code.length === 18 && creditCheckCharacter(code.slice(0, 17)) === code[17];
}
