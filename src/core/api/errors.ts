import type { ErrorCode, WireError } from '../../shared/api/errors';

type Details = NonNullable<WireError['details']>;

/** A handled failure: the operation changed nothing and the user sees a translated message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Details | undefined;

  constructor(code: ErrorCode, details?: Details) {
    super(details ? `${code} ${JSON.stringify(details)}` : code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return { code: this.code, messageKey: `errors.${this.code}`, ...(this.details ? { details: this.details } : {}) };
  }
}

/** Anything thrown, as it may leave the core: an AppError as is, anything else as INTERNAL. */
export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) return error.toWire();
  return { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };
}
