import type { TFunction } from 'i18next';

type EnumGroup = 'rank' | 'category' | 'relation' | 'importField';

/**
 * Ranks, categories and relations are stored as their Chinese names (that is what the files
 * and the national forms use); in English they are shown translated, and a value the list does
 * not know is shown as stored.
 */
export function enumLabel(t: TFunction, group: EnumGroup, value: string | null | undefined): string {
  if (!value) return t('ui.common.none');
  return t(`ui.enums.${group}.${value}`, { defaultValue: value });
}

/** Options for a select; a stored value outside the list (from an old import) stays choosable. */
export function enumOptions(
  t: TFunction,
  group: EnumGroup,
  values: readonly string[],
  current?: string | null,
): { value: string; label: string }[] {
  const all = current && !values.includes(current) ? [...values, current] : values;
  return all.map((value) => ({ value, label: enumLabel(t, group, value) }));
}
