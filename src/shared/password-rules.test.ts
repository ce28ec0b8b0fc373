import { describe, expect, it } from 'vitest';
import { en } from './i18n/en';
import { zhCN } from './i18n/zh-CN';
import { PASSWORD_PROBLEMS, passwordProblems } from './password-rules';

describe('password rules', () => {
  it('accept a long password with a letter and a digit', () => {
    expect(passwordProblems('Lijiang-2024-river', 'hezq')).toEqual([]);
    expect(passwordProblems('丽江古城玉龙雪山2024', 'hezq')).toEqual([]); // CJK characters are letters
    expect(passwordProblems('abcdefghi1', 'hezq')).toEqual([]);
  });

  it('want at least 10 characters, counted as characters not bytes', () => {
    expect(passwordProblems('abcdefgh1', 'hezq')).toEqual(['auth.password.tooShort']);
    expect(passwordProblems('和志强和志强和志1', 'hezq')).toEqual(['auth.password.tooShort']);
    expect(passwordProblems('😀😀😀😀😀😀😀😀a1', 'hezq')).toEqual([]);
    expect(passwordProblems('', 'hezq')).toEqual(['auth.password.tooShort', 'auth.password.needsLetterAndDigit']);
  });

  it('want a letter and a digit', () => {
    expect(passwordProblems('abcdefghijkl', 'hezq')).toEqual(['auth.password.needsLetterAndDigit']);
    expect(passwordProblems('123456789012', 'hezq')).toEqual(['auth.password.needsLetterAndDigit']);
    expect(passwordProblems('!@#$%^&*()_+', 'hezq')).toEqual(['auth.password.needsLetterAndDigit']);
  });

  it('refuse a password containing the username, whatever the case', () => {
    expect(passwordProblems('my-HeZq-2024-pw', 'hezq')).toEqual(['auth.password.containsUsername']);
    expect(passwordProblems('hezq123456', 'HeZq')).toEqual(['auth.password.containsUsername']);
    expect(passwordProblems('hez-q-123456', 'hezq')).toEqual([]);
    expect(passwordProblems('abcdefghi1', '')).toEqual([]);
  });

  it('refuse a single repeated character', () => {
    expect(passwordProblems('aaaaaaaaaaaa', 'hezq')).toEqual(['auth.password.needsLetterAndDigit', 'auth.password.allSameCharacter']);
    expect(passwordProblems('1111111111', 'hezq')).toEqual(['auth.password.needsLetterAndDigit', 'auth.password.allSameCharacter']);
  });

  it('name problems that have messages in both languages', () => {
    for (const key of PASSWORD_PROBLEMS) {
      const [, , rule] = key.split('.') as [string, string, keyof typeof zhCN.auth.password];
      expect(zhCN.auth.password[rule], key).toBeTruthy();
      expect(en.auth.password[rule], key).toBeTruthy();
    }
  });
});
