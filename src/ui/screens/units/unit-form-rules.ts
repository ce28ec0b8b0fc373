import type { TFunction } from 'i18next';
import type { UnitKind } from '../../../shared/api/registry';

/** The same rule as the contract's `units.create` schema, checked before sending. */
const CODE_PATTERN = /^[0-9A-Za-z-]{2,32}$/;

export function codeError(t: TFunction, code: string): string | undefined {
  return CODE_PATTERN.test(code.trim()) ? undefined : t('ui.units.form.codeInvalid');
}

export function nameError(t: TFunction, name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return t('ui.units.form.nameRequired');
  if (trimmed.length > 100) return t('ui.units.form.nameTooLong');
  return undefined;
}

/** What usually sits below a unit of this kind, as the kind a new sub-unit starts with. */
export function childKind(parent: UnitKind): UnitKind {
  switch (parent) {
    case 'city':
      return 'county';
    case 'county':
      return 'township';
    case 'township':
      return 'village';
    default:
      return 'department';
  }
}
