/** The file-level errors every table import raises, built in one place so details stay uniform. */
import { AppError } from '../api/errors';

/** Not CSV or XLSX, corrupt, or unreadable from disk. `row` is where reading stopped, if it had started. */
export function unreadable(file: string, cause?: unknown, row?: number): AppError {
  const error = new AppError('FILE_UNREADABLE', row === undefined ? { file } : { file, row });
  // Kept for logs only: AppError.toWire never sends it across a process boundary.
  if (cause !== undefined) error.cause = cause;
  return error;
}

export function noHeader(file: string): AppError {
  return new AppError('FILE_NO_HEADER', { file });
}

/** Our own errors pass through the catch blocks that wrap library failures. */
export function asUnreadable(error: unknown, file: string, row?: number): AppError {
  return error instanceof AppError ? error : unreadable(file, error, row);
}
