import { describe, expect, it } from 'vitest';
import { checkIntake, emptySubject, hasErrors, initialIntake, intakeInput } from './intake-form';

describe('the intake form', () => {
  it('names each missing field and each unnamed subject', () => {
    const values = initialIntake('2026-11-27', null);
    const errors = checkIntake(values, '2026-11-27');
    expect(errors.fields).toEqual({ title: 'required', source: 'required', unitId: 'required' });
    expect(Object.values(errors.subjects)).toEqual(['required']);
  });

  it('refuses a received date that is not a day or lies ahead', () => {
    const values = { ...initialIntake('2026-11-27', 'U1'), title: '反映某某问题', source: 'letters_visits' as const };
    expect(checkIntake({ ...values, receivedDate: '2026-13-01' }, '2026-11-27').fields).toEqual({ receivedDate: 'invalidDate' });
    expect(checkIntake({ ...values, receivedDate: '2026-11-28' }, '2026-11-27').fields).toEqual({ receivedDate: 'futureDate' });
  });

  it('builds the contract input: trimmed, empty optional text as null, an anonymous complainant without name', () => {
    const subject = { ...emptySubject(), name: ' 张三 ', idNumber: '', position: '科长' };
    const values = { ...initialIntake('2026-11-27', 'U1'), title: ' 标题 ', source: 'audit' as const, complainantName: '李四', subjects: [subject, emptySubject()] };
    expect(hasErrors(checkIntake(values, '2026-11-27'))).toBe(true);
    expect(intakeInput(values)).toEqual({
      title: '标题',
      source: 'audit',
      receivedDate: '2026-11-27',
      unitId: 'U1',
      summary: '',
      complainant: { named: false, name: null, contact: null },
      subjects: [{ personId: null, name: '张三', idNumber: null, unitId: null, position: '科长' }],
    });
  });
});
