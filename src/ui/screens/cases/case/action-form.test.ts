import { describe, expect, it } from 'vitest';
import type { ActionOption } from '../../../../shared/api/cases';
import { actionFields, checkAction, initialActionValues } from './action-form';

const option = (over: Partial<ActionOption>): ActionOption => ({ action: 'dispatch', to: 'dispatched', required: [], approver: null, clocks: [], ...over });

describe('the action form', () => {
  it('asks for the fields the action requires, and a real effective date', () => {
    const dispatch = option({ required: ['departmentId'] });
    const values = initialActionValues(dispatch, '2026-11-27');
    expect(checkAction(dispatch, values)).toEqual({ departmentId: 'required' });
    expect(checkAction(dispatch, { ...values, departmentId: 'U1', date: '2026-02-30' })).toEqual({ date: 'invalidDate' });
    expect(actionFields(dispatch, { ...values, departmentId: 'U1', reason: '  ' })).toEqual({ departmentId: 'U1' });
  });

  it('sends one sanction per subject that has one', () => {
    const decide = option({ action: 'decide', to: 'decision', required: ['sanctions'] });
    const values = { ...initialActionValues(decide, '2026-11-27'), sanctions: { S1: 'party_warning' as const, S2: null } };
    expect(checkAction(decide, values)).toEqual({});
    expect(actionFields(decide, values)).toEqual({ sanctions: [{ subjectId: 'S1', kind: 'party_warning' }] });
    expect(checkAction(decide, { ...values, sanctions: { S1: null } })).toEqual({ sanctions: 'required' });
  });

  it('picks the only clock a clock action may apply to, and keeps a reason', () => {
    const extend = option({ action: 'extend', to: 'investigation', required: ['clock', 'reason'], clocks: ['investigation'] });
    const values = { ...initialActionValues(extend, '2026-11-27'), reason: ' 案情复杂 ' };
    expect(checkAction(extend, values)).toEqual({});
    expect(actionFields(extend, values)).toEqual({ clock: 'investigation', reason: '案情复杂' });
  });
});
