import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import { reasonText, rejectedRowsCsv } from './rejected-csv';

function translator(lng: 'zh-CN' | 'en'): TFunction {
  const i18n = createInstance();
  void i18n.init({ lng, resources, initAsync: false, showSupportNotice: false, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n);
}

const ROWS = [
  { row: 4, field: '身份证号', reason: 'wrong check character', reasonKey: 'import.reason.idNumber_checkCharacter', details: { value: '53070219800101123X' } },
  { row: 5, field: '工作单位', reason: 'unknown unit', reasonKey: 'import.reason.unknownUnit', details: { value: '某局, "二科"' } },
  { row: 6, field: '姓名', reason: 'required field is empty', reasonKey: 'import.reason.required' },
];

describe('rejected rows', () => {
  it('translates reasons with their details', () => {
    expect(reasonText(translator('zh-CN'), ROWS[1]!)).toBe('未知单位：某局, "二科"');
    expect(reasonText(translator('en'), ROWS[1]!)).toBe('Unknown unit: 某局, "二科"');
  });

  it('falls back to the English reason for a key it does not know', () => {
    expect(reasonText(translator('zh-CN'), { ...ROWS[2]!, reasonKey: 'import.reason.somethingNew' })).toBe('required field is empty');
  });

  it('writes CSV with a BOM, CRLF and quoted cells', () => {
    const csv = rejectedRowsCsv(translator('zh-CN'), ROWS);
    expect(csv).toBe(
      '\uFEFF行号,字段,原因,原值\r\n' +
        '4,身份证号,身份证号校验位错误,53070219800101123X\r\n' +
        '5,工作单位,"未知单位：某局, ""二科""","某局, ""二科"""\r\n' +
        '6,姓名,必填字段为空,\r\n',
    );
  });
});
