import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import { headerKey, mapHeaders, requireColumns, type FieldSpec } from './headers';

const PEOPLE: readonly FieldSpec[] = [
  { key: 'name', label: '姓名', required: true },
  { key: 'id_number', label: '身份证号', aliases: ['公民身份号码'], required: true },
  { key: 'unit', label: '工作单位', aliases: ['单位', '单位代码'], required: false },
  { key: 'phone', label: '联系电话', required: false },
];

describe('headerKey', () => {
  it.each([
    ['村(社区)', '村（社区）'],
    ['村(社区)', ' 村 ( 社区 ) '],
    ['发放金额(元)', '发放金额\n（元）'],
    ['ID_Number', 'id_number'],
    ['ＩＤ＿ＮＵＭＢＥＲ', 'id_number'],
    ['姓名', '*姓名'],
    ['姓名', '姓名※'],
    ['姓名', '\uFEFF姓\u3000名'],
  ])('%j equals %j', (a, b) => {
    expect(headerKey(a)).toBe(headerKey(b));
  });
});

describe('mapHeaders', () => {
  it('matches labels, aliases and English keys in any order', () => {
    const result = mapHeaders(['序号', 'NAME', '公民身份号码', '单位', '备注'], PEOPLE);
    expect(result.columns).toEqual({ name: 1, id_number: 2, unit: 3 });
    expect(result.missing).toEqual([]);
    expect(result.unknown).toEqual(['序号', '备注']);
  });

  it('reports missing required fields only, and ignores blank headers', () => {
    const result = mapHeaders(['姓名', '', '  ', '电话'], PEOPLE);
    expect(result.columns).toEqual({ name: 0 });
    expect(result.missing.map((f) => f.key)).toEqual(['id_number']);
    expect(result.unknown).toEqual(['电话']);
  });

  it('prefers the exact label over an alias, wherever it stands', () => {
    const result = mapHeaders(['单位', '工作单位', '姓名', '身份证号'], PEOPLE);
    expect(result.columns.unit).toBe(1);
    expect(result.unknown).toEqual(['单位']);
  });

  it('takes the first of two identical columns and reports the second as unknown', () => {
    const result = mapHeaders(['姓名', '身份证号', '姓 名'], PEOPLE);
    expect(result.columns.name).toBe(0);
    expect(result.unknown).toEqual(['姓 名']);
  });

  it('never lets an alias of one field take the column another field names exactly', () => {
    const fields: FieldSpec[] = [
      { key: 'name', label: '姓名', aliases: ['收款人'], required: true },
      { key: 'account_holder', label: '收款人', required: false },
    ];
    expect(mapHeaders(['收款人'], fields).columns).toEqual({ account_holder: 0 });
  });

  it('is not fooled by keys that exist on every object', () => {
    const fields: FieldSpec[] = [{ key: 'constructor', label: '构造', required: true }];
    expect(mapHeaders(['x'], fields).missing).toHaveLength(1);
  });
});

describe('requireColumns', () => {
  it('returns the columns when nothing required is missing', () => {
    expect(requireColumns(mapHeaders(['身份证号', '姓名'], PEOPLE))).toEqual({ id_number: 0, name: 1 });
  });

  it('throws FILE_MISSING_COLUMNS with the missing labels', () => {
    const mapping = mapHeaders(['电话'], PEOPLE);
    try {
      requireColumns(mapping);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('FILE_MISSING_COLUMNS');
      expect((error as AppError).details).toEqual({ columns: ['姓名', '身份证号'] });
    }
  });
});
