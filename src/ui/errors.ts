import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { isWireError, type WireError } from '../shared/api/errors';
import { errorMessage } from '../shared/i18n/translate';
import { reportTokenRefused } from './auth-state';

const INTERNAL: WireError = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };

/** Whatever a call rejected with, as a WireError: anything unexpected is INTERNAL, never a stack. */
export function asWireError(error: unknown): WireError {
  const wire = isWireError(error) ? error : INTERNAL;
  if (wire.code === 'UNAUTHORIZED') reportTokenRefused();
  return wire;
}

/** The translated one-line message; array details are joined with '; ' by the shared helper. */
export function describeError(t: TFunction, error: unknown): string {
  return errorMessage(t, asWireError(error));
}

export function notifyError(t: TFunction, error: unknown): void {
  notifications.show({ color: 'red', message: describeError(t, error), autoClose: 8000, withBorder: true });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
