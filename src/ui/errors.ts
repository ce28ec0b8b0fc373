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

/** The translated one-line message; array details are joined with '; ' by the shared helper. */
export function describeError(t: TFunction, error: unknown): string {
  return errorMessage(t, readableDetails(asWireError(error)));
}

export function notifyError(t: TFunction, error: unknown): void {
  notifications.show({ color: 'red', message: describeError(t, error), autoClose: 8000, withBorder: true });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
