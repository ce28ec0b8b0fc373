import type { TFunction } from 'i18next';
import type { Light } from '../../../../shared/api/cases';

/** The groups of the case vocabulary under the top-level `cases` key of the translations. */
export type CaseVocabulary =
  | 'source'
  | 'stage'
  | 'outcome'
  | 'action'
  | 'clock'
  | 'light'
  | 'measure'
  | 'sanction'
  | 'appealKind'
  | 'field'
  | 'limitUnit'
  | 'eventKind'
  | 'reportKind'
  | 'reportRecipient'
  | 'duplicateReason';

/** A code of the contract in the user's language; an unknown one is shown as it is. */
export function caseLabel(t: TFunction, group: CaseVocabulary, value: string | null | undefined): string {
  if (!value) return t('ui.common.none');
  return t(`cases.${group}.${value}`, { defaultValue: value });
}

export function caseOptions(t: TFunction, group: CaseVocabulary, values: readonly string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: caseLabel(t, group, value) }));
}

/** Mantine colours of the lights: overdue red, due soon yellow, unknown grey, running blue. */
export const LIGHT_COLORS: Record<Light, string> = {
  red: 'red',
  yellow: 'yellow',
  unknown: 'gray',
  open: 'blue',
  green: 'green',
  late: 'orange',
};

/** Today in the commission's zone, as YYYY-MM-DD (the default effective date of an action). */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD string names a real calendar day. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
