import type { AuditEntry } from '../../../shared/api/auth';

/** An entry's summary on one line, as compact JSON without the outer braces' noise for `{}`. */
export function summaryText(summary: AuditEntry['summary']): string {
  const keys = Object.keys(summary);
  if (keys.length === 0) return '';
  return JSON.stringify(summary);
}

/** The tables an entry touched, with how many rows of each: "people ×2, kin ×1". */
export function rowsText(rows: AuditEntry['rows']): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.table, (counts.get(row.table) ?? 0) + 1);
  return [...counts].map(([table, n]) => `${table} ×${n}`).join(', ');
}
