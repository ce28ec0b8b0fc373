import type { ActionFields, ActionOption, AppealKind, ClockKind, FirstFormMeasure, SanctionKind } from '../../../../shared/api/cases';
import { isIsoDate } from '../shared/labels';

/** What the action modal edits: the effective date and every field an action may ask for. */
export interface ActionValues {
  date: string;
  reason: string;
  departmentId: string | null;
  targetUnitId: string | null;
  recipient: string;
  reviewDate: string;
  measure: FirstFormMeasure | null;
  /** subject id → the sanction chosen for them */
  sanctions: Record<string, SanctionKind | null>;
  appealKind: AppealKind | null;
  clock: ClockKind | null;
}

export type ActionErrors = Partial<Record<keyof ActionValues, 'required' | 'invalidDate'>>;

export function initialActionValues(option: ActionOption | null, today: string): ActionValues {
  return {
    date: today,
    reason: '',
    departmentId: null,
    targetUnitId: null,
    recipient: '',
    reviewDate: '',
    measure: null,
    sanctions: {},
    appealKind: null,
    // a clock action on the only clock it may apply to needs no choice
    clock: option?.clocks.length === 1 ? option.clocks[0]! : null,
  };
}

/** The problems of the form, by field: a required field left empty, a date that is no date. */
export function checkAction(option: ActionOption, v: ActionValues): ActionErrors {
  const errors: ActionErrors = {};
  if (!isIsoDate(v.date)) errors.date = 'invalidDate';
  const missing: Record<(typeof option.required)[number], boolean> = {
    reason: !v.reason.trim(),
    departmentId: !v.departmentId,
    targetUnitId: !v.targetUnitId,
    recipient: !v.recipient.trim(),
    reviewDate: !v.reviewDate,
    measure: !v.measure,
    sanctions: !Object.values(v.sanctions).some(Boolean),
    appealKind: !v.appealKind,
    clock: !v.clock,
  };
  for (const field of option.required) if (missing[field]) errors[field] = 'required';
  if (v.reviewDate && !isIsoDate(v.reviewDate)) errors.reviewDate = 'invalidDate';
  return errors;
}

/** The fields to send: the ones the action asks for, and a reason whenever one was written. */
export function actionFields(option: ActionOption, v: ActionValues): ActionFields {
  const fields: ActionFields = {};
  const reason = v.reason.trim();
  if (reason) fields.reason = reason;
  for (const field of option.required) {
    switch (field) {
      case 'reason':
        break;
      case 'departmentId':
        fields.departmentId = v.departmentId;
        break;
      case 'targetUnitId':
        fields.targetUnitId = v.targetUnitId;
        break;
      case 'recipient':
        fields.recipient = v.recipient.trim();
        break;
      case 'reviewDate':
        fields.reviewDate = v.reviewDate;
        break;
      case 'measure':
        fields.measure = v.measure;
        break;
      case 'sanctions':
        fields.sanctions = Object.entries(v.sanctions).flatMap(([subjectId, kind]) => (kind ? [{ subjectId, kind }] : []));
        break;
      case 'appealKind':
        fields.appealKind = v.appealKind;
        break;
      case 'clock':
        fields.clock = v.clock;
        break;
    }
  }
  return fields;
}
