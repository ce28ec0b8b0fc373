// The zod pieces the contract's inputs are built from, so that every module trims, bounds and
// empties text the same way.
import { z } from 'zod';

/** A row id (a ULID, or a derived id such as `<event>:<recipient>`). */
export const id = z.string().min(1).max(40);

/** A calendar date, YYYY-MM-DD (that the day exists is checked where it is used). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Required text, trimmed, 1 to `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Optional text, trimmed; empty or missing becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
