import { describe, expect, it } from 'vitest';
import { createTranslator } from '../shared/i18n/translate';
import { describeError } from './errors';

describe('refusals of the case workflow', () => {
  const zh = createTranslator('zh-CN');
  const en = createTranslator('en');

  it('name the stage, action, clock and role in the user’s language', () => {
    const notAllowed = { code: 'CASE_ACTION_NOT_ALLOWED', messageKey: 'errors.CASE_ACTION_NOT_ALLOWED', details: { stage: 'inquiry', action: 'decide' } } as const;
    expect(describeError(zh, notAllowed)).toBe('当前阶段“谈话函询”不能执行“作出处分决定”');
    expect(describeError(en, { code: 'CASE_NOT_APPROVER', messageKey: 'errors.CASE_NOT_APPROVER', details: { role: 'commission_leader' } })).toContain('Commission leader');
    expect(describeError(zh, { code: 'CASE_FIELD_REQUIRED', messageKey: 'errors.CASE_FIELD_REQUIRED', details: { fields: ['departmentId', 'reason'] } })).toBe('缺少必填项：承办部门; 理由');
  });

  it('say why a clock cannot be changed, with the review-date window', () => {
    const window = { code: 'CASE_CLOCK_INVALID', messageKey: 'errors.CASE_CLOCK_INVALID', details: { clock: 'shelved_review', why: 'review_date:2026-11-27..2027-05-27' } } as const;
    expect(describeError(zh, window)).toBe('时限“暂存待查复查”不能这样操作：复查日期须晚于 2026-11-27，且不晚于 2027-05-27');
    const used = { code: 'CASE_CLOCK_INVALID', messageKey: 'errors.CASE_CLOCK_INVALID', details: { clock: 'investigation', why: 'extensions_used' } } as const;
    expect(describeError(zh, used)).toBe('时限“审查调查”不能这样操作：延长次数已用完');
    // a code the UI does not know yet is shown as sent
    expect(describeError(zh, { ...used, details: { clock: 'investigation', why: 'something_new' } })).toContain('something_new');
  });
});
