/**
 * Which column of a file holds which field. Headers that name the fields (or their aliases) map
 * themselves; for any other header the user maps the columns once, and the mapping is
 * remembered by the file's header signature for next month's file.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DATASET_FIELDS, type Dataset } from '../../../shared/api/welfare';
import { AppError } from '../../api/errors';
import type { Writer } from '../../api/write';
import type { Db } from '../../db/open';
import { welfareMappings } from '../../db/schema/welfare';
import { headerKey, mapHeaders } from '../../import/headers';

export interface ResolvedMapping {
  /** field key → 0-based column */
  columns: Record<string, number>;
  /** required field keys with no column */
  missing: string[];
  /** taken from an earlier file with the same header */
  remembered: boolean;
  signature: string;
}

/** SHA-256 of the header row as matched (case, spaces and full-width forms folded). */
export function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(headerKey).join('\n')).digest('hex');
}

const mappingId = (dataset: Dataset, signature: string): string => `${dataset}:${signature}`;

const invalid = (why: string, details: Record<string, string | number>): AppError =>
  new AppError('IMPORT_MAPPING_INVALID', { why: [`import.reason.${why}`], ...details });

/**
 * Checks a mapping a user chose against the file's header: known fields, existing columns, no
 * column for two fields. Required fields it leaves out are reported by `missingFields`.
 */
export function checkMapping(dataset: Dataset, headers: readonly string[], mapping: Record<string, number>): Record<string, number> {
  const keys = new Set(DATASET_FIELDS[dataset].map((f) => f.key));
  const taken = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (!keys.has(field)) throw invalid('mappingUnknownField', { field });
    if (!Number.isInteger(column) || column < 0 || column >= headers.length) throw invalid('mappingUnknownColumn', { field, column });
    const other = taken.get(column);
    if (other !== undefined) throw invalid('mappingSharedColumn', { field, other, column });
    taken.set(column, field);
  }
  return { ...mapping };
}

export function missingFields(dataset: Dataset, columns: Record<string, number>): string[] {
  return DATASET_FIELDS[dataset].filter((f) => f.required && !Object.hasOwn(columns, f.key)).map((f) => f.key);
}

/** FILE_MISSING_COLUMNS naming the required columns a mapping leaves out (a header that maps to nothing leaves out all). */
export function requireFields(dataset: Dataset, mapping: ResolvedMapping): Record<string, number> {
  if (mapping.missing.length === 0) return mapping.columns;
  const labels = new Map(DATASET_FIELDS[dataset].map((f) => [f.key, f.label]));
  throw new AppError('FILE_MISSING_COLUMNS', { columns: mapping.missing.map((key) => labels.get(key)!) });
}

/** The mapping for a file: the one given (checked), else the one remembered for its header, else by header names. */
export function resolveMapping(db: Db, dataset: Dataset, headers: readonly string[], given?: Record<string, number>): ResolvedMapping {
  const signature = headerSignature(headers);
  let columns: Record<string, number> | undefined;
  let remembered = false;
  if (given) {
    columns = checkMapping(dataset, headers, given);
  } else {
    const row = db.select({ mapping: welfareMappings.mapping }).from(welfareMappings).where(eq(welfareMappings.id, mappingId(dataset, signature))).get();
    if (row) {
      try {
        columns = checkMapping(dataset, headers, JSON.parse(row.mapping) as Record<string, number>);
        remembered = true;
      } catch {
        // a mapping the dataset's fields have outgrown: match by names instead
      }
    }
    columns ??= mapHeaders([...headers], DATASET_FIELDS[dataset]).columns;
  }
  return { columns, missing: missingFields(dataset, columns), remembered, signature };
}

/** Keeps a mapping the user chose for the next file with the same header. */
export function rememberMapping(w: Writer, dataset: Dataset, mapping: ResolvedMapping, at: string): void {
  const id = mappingId(dataset, mapping.signature);
  const value = JSON.stringify(mapping.columns);
  const existing = w.db.select({ id: welfareMappings.id }).from(welfareMappings).where(eq(welfareMappings.id, id)).get();
  if (existing) w.update(welfareMappings, id, { mapping: value }, { updatedAt: at });
  else w.insert(welfareMappings, { id, dataset, signature: mapping.signature, mapping: value, updatedAt: at });
}

/** The mapping as provenance: field key → header as written in the file. */
export function mappingHeaders(columns: Record<string, number>, headers: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, headers[column] ?? '']));
}
