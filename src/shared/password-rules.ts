/**
 * The rules a new password must meet (pure, shared: the core judges with them, the UI shows them
 * as a live checklist). Each problem is an i18n key under `auth.password`.
 * Characters are counted as Unicode code points after NFC normalisation, the form the password
 * is wrapped in.
 */

export const PASSWORD_MIN_LENGTH = 10;

export const PASSWORD_PROBLEMS = [
  'auth.password.tooShort',
  'auth.password.needsLetterAndDigit',
  'auth.password.containsUsername',
  'auth.password.allSameCharacter',
] as const;

export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** The rules the password breaks, in a fixed order; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const text = password.normalize('NFC');
  const chars = [...text];
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push('auth.password.tooShort');
  if (!/\p{L}/u.test(text) || !/\p{Nd}/u.test(text)) problems.push('auth.password.needsLetterAndDigit');
  const name = username.normalize('NFC').trim().toLowerCase();
  if (name.length > 0 && text.toLowerCase().includes(name)) problems.push('auth.password.containsUsername');
  if (chars.length > 0 && new Set(chars).size === 1) problems.push('auth.password.allSameCharacter');
  return problems;
}
