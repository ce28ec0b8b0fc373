/**
 * Errors as they cross a process boundary: a stable code, the i18n key of the message, and
 * details the message may interpolate. Never a stack trace.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_PROCEDURE',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'REQUEST_REFUSED',
  'NOT_FOUND',
  'CONFLICT',
  'ID_NUMBER_INVALID',
  'ID_NUMBER_TAKEN',
  'UNIT_NOT_FOUND',
  'UNIT_CODE_TAKEN',
  'UNIT_PARENT_INVALID',
  'KIN_SELF',
  'FILE_UNREADABLE',
  'FILE_NO_HEADER',
  'FILE_MISSING_COLUMNS',
  'DEMO_NOT_EMPTY',
  'DB_NOT_SQLITE',
  'DB_FOREIGN',
  'DB_CORRUPT',
  'DB_NEWER_VERSION',
  'DB_NOT_FOUND',
  'DB_EXISTS',
  'DB_KEY_REJECTED',
  'KEYSLOTS_MISSING',
  'KEYSLOTS_DAMAGED',
  'KEYSLOTS_NEWER',
  'DATA_DIR_LOCKED',
  'AUTH_FAILED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'SESSION_REQUIRED',
  'SESSION_EXPIRED',
  'SESSION_LOCKED',
  'SETUP_DONE',
  'PASSWORD_WEAK',
  'USERNAME_TAKEN',
  'RECOVERY_KEY_INVALID',
  'LAST_ADMINISTRATOR',
  'OUT_OF_SCOPE',
  'ROLE_NOT_FOUND',
  'SETUP_REQUIRED',
  'AUDIT_BROKEN',
  'CALENDAR_YEAR_UNKNOWN',
  'CALENDAR_YEAR_BUILTIN_ONLY',
  'CASE_NOT_FOUND',
  'CASE_ACTION_NOT_ALLOWED',
  'CASE_FIELD_REQUIRED',
  'CASE_VERSION_CONFLICT',
  'CASE_APPROVAL_PENDING',
  'CASE_NOTHING_PENDING',
  'CASE_NOT_APPROVER',
  'CASE_NOTHING_TO_UNDO',
  'CASE_CLOCK_INVALID',
  'CASE_MERGE_INVALID',
  'CASE_IN_CONFLICT',
  'CASE_NOT_IN_CONFLICT',
  'UPLOAD_NOT_FOUND',
  'UPLOAD_OUT_OF_ORDER',
  'UPLOAD_TOO_LARGE',
  'IMPORT_CANCELLED',
  'IMPORT_DUPLICATE_FILE',
  'IMPORT_MAPPING_INVALID',
  'WELFARE_BATCH_NOT_FOUND',
  'WELFARE_HIT_NOT_FOUND',
  'WELFARE_HIT_NOT_ASSIGNED',
  'WELFARE_NOTHING_TO_HAND_OVER',
  'WELFARE_IMPORT_RUNNING',
  'WELFARE_RUN_CANCELLED',
  'WELFARE_RUN_RUNNING',
  'SYNC_NOT_SET_UP',
  'SYNC_IDENTITY_INVALID',
  'SYNC_SUITE_MISMATCH',
  'SYNC_PEER_IS_SELF',
  'SYNC_PEER_EXISTS',
  'SYNC_PEER_UNKNOWN',
  'SYNC_PEER_REVOKED',
  'SYNC_BUNDLE_CORRUPT',
  'SYNC_BUNDLE_NEWER_VERSION',
  'SYNC_BUNDLE_SIGNATURE',
  'SYNC_BUNDLE_NOT_FOR_US',
  'SYNC_BUNDLE_REPLAYED',
  'SYNC_RELAY_UNREACHABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WireError {
  code: ErrorCode;
  /** i18n key, always `errors.<code>` */
  messageKey: string;
  details?: Record<string, string | number | boolean | null | string[]>;
}

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WireError).code === 'string' &&
    typeof (value as WireError).messageKey === 'string'
  );
}
