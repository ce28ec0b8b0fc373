import type { Dataset, EvidenceRecord } from '../../../../shared/api/welfare';
import { fieldLabel } from '../shared/labels';
import { formatYuan } from '../shared/money';

export interface EvidenceLine {
  key: string;
  /** the column name, as the files write it */
  label: string;
  value: string;
  /** `_raw`: the text as written in the file, beside the normalised value */
  asWritten?: boolean;
  /** an ID number that failed its check (kept, never joined on) */
  invalid?: boolean;
}

/**
 * A stored record as a person reads it: amounts kept in fen shown in yuan under their column's
 * name, each ID number's validity flag folded into the number it is about, blanks left out.
 */
export function evidenceLines(dataset: Dataset, fields: EvidenceRecord['fields']): EvidenceLine[] {
  const keys = Object.keys(fields);
  const invalid = new Set<string>();
  for (const key of keys) {
    if (!key.endsWith('_valid') || Boolean(fields[key])) continue;
    const base = key.slice(0, -'_valid'.length);
    const target = keys.find((k) => k !== key && (k === base || k.startsWith(`${base}_`)) && !k.endsWith('_valid') && !k.endsWith('_raw'));
    if (target) invalid.add(target);
  }
  const lines: EvidenceLine[] = [];
  for (const key of keys) {
    const value = fields[key];
    if (value === null || value === '' || key.endsWith('_valid')) continue;
    if (key.endsWith('_fen') && typeof value === 'number') {
      const base = key.slice(0, -'_fen'.length);
      lines.push({ key, label: fieldLabel(dataset, base), value: formatYuan(value) });
    } else if (key.endsWith('_raw')) {
      lines.push({ key, label: fieldLabel(dataset, key.slice(0, -'_raw'.length)), value: String(value), asWritten: true });
    } else {
      lines.push({ key, label: fieldLabel(dataset, key), value: String(value), ...(invalid.has(key) ? { invalid: true } : {}) });
    }
  }
  return lines;
}
