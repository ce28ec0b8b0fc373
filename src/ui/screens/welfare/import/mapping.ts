import type { FieldSpec } from '../../../../shared/api/welfare';

/** A mapping being edited: field key → 0-based column; a field without a column is absent. */
export type DraftMapping = Partial<Record<string, number>>;

/** The required fields the draft leaves without a column. */
export function missingFields(fields: readonly FieldSpec[], draft: DraftMapping): FieldSpec[] {
  return fields.filter((f) => f.required && draft[f.key] === undefined);
}

/** The draft as `welfare.import` takes it. */
export function completeMapping(draft: DraftMapping): Record<string, number> {
  return Object.fromEntries(Object.entries(draft).filter((entry): entry is [string, number] => entry[1] !== undefined));
}

/** The values of one column in the sample rows, blank cells left out, so a person can tell what the column holds. */
export function samplesOf(sample: string[][], column: number, limit = 5): string[] {
  return sample
    .map((row) => (row[column] ?? '').trim())
    .filter((value) => value !== '')
    .slice(0, limit);
}
