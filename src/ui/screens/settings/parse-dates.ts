import { isIsoDate } from '../cases/shared/labels';

export interface ParsedDates {
  dates: string[];
  /** lines that are no date, or a date of another year */
  invalid: string[];
}

/**
 * Dates pasted one per line (blank lines and surrounding spaces ignored; 2027/1/1 and
 * 2027.01.01 accepted as well as 2027-01-01), sorted and without repeats.
 */
export function parseDates(text: string, year: number | null): ParsedDates {
  const dates = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(line);
    const date = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : '';
    if (!isIsoDate(date) || (year !== null && !date.startsWith(`${year}-`))) invalid.push(line);
    else dates.add(date);
  }
  return { dates: [...dates].sort(), invalid };
}
