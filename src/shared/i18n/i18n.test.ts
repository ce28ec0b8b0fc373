import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type WireError } from '../api/errors';
import { en } from './en';
import { createTranslator, errorMessage, languageFromEnv } from './translate';
import { zhCN } from './zh-CN';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

describe('translations', () => {
  it('give every error code a message in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(zhCN.errors[code], code).toBeTruthy();
      expect(en.errors[code], code).toBeTruthy();
    }
  });

  it('have the same keys and the same placeholders in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const lookup = (tree: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
    for (const key of keys(zhCN)) expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)));
  });

  it('fill in details, joining lists, in the chosen language', () => {
    const error: WireError = { code: 'FILE_MISSING_COLUMNS', messageKey: 'errors.FILE_MISSING_COLUMNS', details: { columns: ['姓名', '身份证号'] } };
    expect(errorMessage(createTranslator('zh-CN'), error)).toBe('文件缺少必需的列：姓名; 身份证号');
    expect(errorMessage(createTranslator('en'), error)).toBe('The file lacks required columns: 姓名; 身份证号');
    expect(languageFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LANG: 'C.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnv({ ZHIJIAN_LANG: 'en', LANG: 'zh_CN.UTF-8' })).toBe('en');
  });
});
