/**
 * Matching a file's header row to a dataset's fields. Bureaus retype headers by hand, so the
 * comparison ignores case, every kind of whitespace (including line breaks inside a cell) and
 * full-/half-width differences: `村(社区)`, `村（社区）` and `村 ( 社区 )` are one column.
 */
import { AppError } from '../api/errors';
import { toHalfWidth } from '../registry/names';

export interface FieldSpec {
  /** English key, also accepted as a header. */
  key: string;
  /** Canonical Chinese column name. */
  label: string;
  aliases?: readonly string[];
  required: boolean;
}

export interface HeaderMapping {
  /** Field key → 0-based column index, for every field found. */
  columns: Record<string, number>;
  /** Required fields with no matching column. */
  missing: FieldSpec[];
  /** Non-blank headers that matched no field (or repeated an already matched one), as written. */
  unknown: string[];
}

/**
 * Templates mark required columns with an asterisk (`*姓名`, `姓名※`); the mark is not part of
 * the name.
 */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .replace(/[\s\u200B-\u200D\uFEFF]+/g, '')
    .replace(/^[*※]+|[*※]+$/g, '')
    .toLowerCase();
}

export function mapHeaders(headers: string[], fields: readonly FieldSpec[]): HeaderMapping {
  const keys = headers.map(headerKey);
  const columns: Record<string, number> = {};
  const used = new Set<number>();

  const claim = (field: FieldSpec, names: readonly string[]): void => {
    if (Object.hasOwn(columns, field.key)) return;
    const wanted = new Set(names.map(headerKey));
    const index = keys.findIndex((key, i) => !used.has(i) && wanted.has(key));
    if (index < 0) return;
    columns[field.key] = index;
    used.add(index);
  };
  // Exact names first, across all fields, so that one field's alias never takes the column that
  // another field names exactly.
  for (const field of fields) claim(field, [field.label, field.key]);
  for (const field of fields) claim(field, field.aliases ?? []);

  const missing = fields.filter((field) => field.required && !Object.hasOwn(columns, field.key));
  const unknown = headers.filter((_, index) => !used.has(index) && keys[index] !== '');
  return { columns, missing, unknown };
}

/** The columns, or FILE_MISSING_COLUMNS naming every required column the file lacks. */
export function requireColumns(mapping: HeaderMapping): Record<string, number> {
  if (mapping.missing.length > 0) {
    throw new AppError('FILE_MISSING_COLUMNS', { columns: mapping.missing.map((field) => field.label) });
  }
  return mapping.columns;
}
