import type { TFunction } from 'i18next';
import type { RejectedRow } from '../../../shared/api/registry';
import { enumLabel } from '../../components/enum-label';

/** The reason of a rejected row in the user's language, with its details filled in. */
export function reasonText(t: TFunction, row: RejectedRow): string {
  return t(row.reasonKey, { ...(row.details ?? {}), defaultValue: row.reason });
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rejected rows as CSV for fixing and re-importing. The BOM makes Excel (the tool the
 * county offices use) read UTF-8 rather than the local code page; CRLF is what it writes too.
 */
export function rejectedRowsCsv(t: TFunction, rows: RejectedRow[]): string {
  const header = [
    t('ui.peopleImport.columns.row'),
    t('ui.peopleImport.columns.field'),
    t('ui.peopleImport.columns.reason'),
    t('ui.peopleImport.columns.value'),
  ];
  const lines = rows.map((r) => [r.row, enumLabel(t, 'importField', r.field), reasonText(t, r), r.details?.value ?? '']);
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
