import type { TFunction } from 'i18next';
import type { Person, PersonFields } from '../../../shared/api/registry';

/** The form's text fields; empty strings stand for "not given". */
export interface PersonFormValues {
  name: string;
  idNumber: string;
  unitId: string | null;
  position: string;
  rank: string | null;
  category: string | null;
  phone: string;
}

export type PersonFormErrors = Partial<Record<keyof PersonFormValues, string>>;

export function initialValues(person: Person | null, unitId: string | null = null): PersonFormValues {
  return {
    name: person?.name ?? '',
    idNumber: person?.idNumber ?? '',
    unitId: person ? person.unitId : unitId,
    position: person?.position ?? '',
    rank: person?.rank ?? null,
    category: person?.category ?? null,
    phone: person?.phone ?? '',
  };
}

/**
 * Only what the user can fix without knowing the rules of ID numbers: the core validates the
 * number itself (check character, birth date) and its error is shown on the field.
 */
export function validate(t: TFunction, values: PersonFormValues): PersonFormErrors {
  const errors: PersonFormErrors = {};
  if (!values.name.trim()) errors.name = t('ui.personForm.nameRequired');
  const id = values.idNumber.replace(/\s/g, '');
  if (!id) errors.idNumber = t('ui.personForm.idNumberRequired');
  else if (id.length !== 15 && id.length !== 18) errors.idNumber = t('ui.personForm.idNumberLength');
  return errors;
}

export function toFields(values: PersonFormValues): PersonFields {
  return {
    name: values.name.trim(),
    idNumber: values.idNumber.trim(),
    unitId: values.unitId,
    position: values.position.trim() || null,
    rank: values.rank,
    category: values.category,
    phone: values.phone.trim() || null,
  };
}
