import { describe, expect, it } from 'vitest';
import { evidenceLines } from './evidence-fields';

describe('an evidence record on screen', () => {
  it('shows amounts in yuan under their column, folds validity flags into the ID they are about, leaves blanks out', () => {
    const lines = evidenceLines('disbursements', {
      program: '城乡低保',
      name: '和丽倩',
      name_raw: '和 丽倩',
      id_number: '530721199912158789',
      id_valid: 1,
      household_head_id: '530721199912158780',
      household_head_valid: 0,
      amount_fen: 54000,
      bank_account: null,
      approver_name: '',
    });
    expect(lines).toEqual([
      { key: 'program', label: '项目名称', value: '城乡低保' },
      { key: 'name', label: '姓名', value: '和丽倩' },
      { key: 'name_raw', label: '姓名', value: '和 丽倩', asWritten: true },
      { key: 'id_number', label: '身份证号', value: '530721199912158789' },
      { key: 'household_head_id', label: '户主身份证号', value: '530721199912158780', invalid: true },
      { key: 'amount_fen', label: '发放金额', value: '540.00' },
    ]);
  });

  it('keeps a stored column the dataset does not name as it is', () => {
    expect(evidenceLines('standards', { max_amount_fen: 70000, note: 'x' })).toEqual([
      { key: 'max_amount_fen', label: '月人均上限', value: '700.00' },
      { key: 'note', label: 'note', value: 'x' },
    ]);
  });
});
