import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { isWireError, type WireError } from '../shared/api/errors';
import { errorMessage } from '../shared/i18n/translate';
import { reportTokenRefused } from './auth-state';
import { formatDateTime } from './format';

const INTERNAL: WireError = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };

/** Whatever a call rejected with, as a WireError: anything unexpected is INTERNAL, never a stack. */
export function asWireError(error: unknown): WireError {
  const wire = isWireError(error) ? error : INTERNAL;
  if (wire.code === 'UNAUTHORIZED') reportTokenRefused();
  return wire;
}

/**
 * Details made readable before they are put into the message: a lock's end time in the
 * commission's zone. (Lists of message keys, like the password rules a weak password broke,
 * are translated by the shared helper.)
 */
export function readableDetails(error: WireError): WireError {
  if (typeof error.details?.until !== 'string') return error;
  return { ...error, details: { ...error.details, until: formatDateTime(error.details.until, { seconds: false }) } };
}

/** Details of the case workflow's refusals that are codes (stage, action, clock, role), named in the user's language. */
const CASE_DETAIL_GROUPS: Record<string, string> = { stage: 'cases.stage', action: 'cases.action', clock: 'cases.clock', role: 'roles' };

export function caseDetails(t: TFunction, error: WireError): WireError {
  if (!error.code.startsWith('CASE_') || !error.details) return error;
  const details = { ...error.details };
  for (const [key, group] of Object.entries(CASE_DETAIL_GROUPS)) {
    const value = details[key];
    if (typeof value === 'string') details[key] = t(`${group}.${value}`, { defaultValue: value });
  }
  if (Array.isArray(details.fields)) details.fields = details.fields.map((f) => (typeof f === 'string' ? t(`cases.field.${f}`, { defaultValue: f }) : f));
  // why a clock or a merge was refused: a code, or the range a review date must fall in
  if (typeof details.why === 'string') {
    const range = /^review_date:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(details.why);
    details.why = range
      ? t('ui.cases.why.review_date', { from: range[1], to: range[2] })
      : t(`ui.cases.why.${details.why}`, { defaultValue: details.why });
  }
  return { ...error, details };
}

/** The translated one-line message; array details are joined with '; ' by the shared helper. */
export function describeError(t: TFunction, error: unknown): string {
  return errorMessage(t, caseDetails(t, readableDetails(asWireError(error))));
}

export function notifyError(t: TFunction, error: unknown): void {
  notifications.show({ color: 'red', message: describeError(t, error), autoClose: 8000, withBorder: true });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
