import type { TFunction } from 'i18next';
import { DATASET_FIELDS, type Dataset, type HitStatus } from '../../../../shared/api/welfare';

/** The groups of the welfare vocabulary under the top-level `welfare` key of the translations. */
export type WelfareVocabulary = 'dataset' | 'rule' | 'status' | 'finding' | 'batchStatus';

/** A code of the contract in the user's language; an unknown one is shown as it is. */
export function welfareLabel(t: TFunction, group: WelfareVocabulary, value: string | null | undefined): string {
  if (!value) return t('ui.common.none');
  return t(`welfare.${group}.${value}`, { defaultValue: value });
}

export function welfareOptions(t: TFunction, group: WelfareVocabulary, values: readonly string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: welfareLabel(t, group, value) }));
}

/** A rule as the board shows it: its code, then its name. */
export const ruleText = (t: TFunction, rule: string): string => `${rule} ${welfareLabel(t, 'rule', rule)}`;

/**
 * A field of a dataset by its column name as FORMATS.md writes it (the name on the files, in
 * either language); a key the dataset does not have (a rejected row's own field) as it is.
 */
export function fieldLabel(dataset: Dataset, key: string): string {
  return DATASET_FIELDS[dataset].find((f) => f.key === key)?.label ?? key;
}

/** Mantine colours of the hit statuses: open work blue, the findings by what they mean. */
export const STATUS_COLORS: Record<HitStatus, string> = {
  new: 'gray',
  assigned: 'blue',
  confirmed: 'red',
  explained: 'teal',
  data_error: 'yellow',
  handed_over: 'violet',
};
