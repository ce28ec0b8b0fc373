import { describe, expect, it } from 'vitest';
import { DATASET_FIELDS } from '../../../../shared/api/welfare';
import { completeMapping, missingFields, samplesOf } from './mapping';

describe('the column mapping step', () => {
  it('names the required fields still without a column', () => {
    const draft = { name: 0, id_number: 1, died_on: undefined, source: 3 };
    expect(missingFields(DATASET_FIELDS.deaths, draft).map((f) => f.key)).toEqual(['died_on']);
    expect(missingFields(DATASET_FIELDS.deaths, { ...draft, died_on: 2 })).toEqual([]);
  });

  it('sends only the fields that have a column', () => {
    expect(completeMapping({ name: 0, id_number: undefined, died_on: 4 })).toEqual({ name: 0, died_on: 4 });
  });

  it('shows the first non-blank values of a column', () => {
    const sample = [['张三', ' 1 '], ['李四', ''], ['王五'], ['赵六', '4'], ['a', '5'], ['b', '6'], ['c', '7'], ['d', '8']];
    expect(samplesOf(sample, 1)).toEqual(['1', '4', '5', '6', '7']);
    expect(samplesOf(sample, 5)).toEqual([]);
  });
});
