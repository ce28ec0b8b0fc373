import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { WireError } from '../../../shared/api/errors';
import { CATEGORIES, RANKS, type Person } from '../../../shared/api/registry';
import { call } from '../../bridge/client';
import { enumOptions } from '../../components/enum-label';
import { FormModal, type FormModalControl } from '../../components/FormModal';
import { UnitSelect } from '../../components/UnitSelect';
import { useModalFormValues } from '../../components/use-form-values';
import { asWireError, describeError, notifyError, notifySuccess } from '../../errors';
import { navigate } from '../../routing';
import { initialValues, toFields, validate } from './person-form-state';

/** Errors that belong to the ID number field rather than to a notification. */
const ID_NUMBER_ERRORS = new Set(['ID_NUMBER_INVALID', 'ID_NUMBER_TAKEN']);

/**
 * The core's message, plus what exactly is wrong when it says (format, birth date or check
 * character): the import's reason texts already describe those, so they are reused here.
 */
function idNumberMessage(t: TFunction, error: WireError): string {
  const problem = error.details?.problem;
  const message = describeError(t, error);
  if (typeof problem !== 'string') return message;
  return t('ui.personForm.idNumberProblem', { message, problem: t(`import.reason.idNumber_${problem}`, { defaultValue: problem }) });
}

interface Props extends FormModalControl {
  /** null: a new person */
  person: Person | null;
}

export function PersonFormModal({ opened, onClose, person }: Props) {
  const { t } = useTranslation();
  // each opening starts from the person as stored, not from an abandoned edit
  const { values, errors, setErrors, set, accept } = useModalFormValues(opened, person, initialValues);

  function check() {
    return accept(validate(t, values));
  }

  async function submit() {
    try {
      if (person) {
        await call(api.people.update, { id: person.id, fields: toFields(values) });
        notifySuccess(t('ui.common.saved'));
        onClose();
      } else {
        const created = await call(api.people.create, toFields(values));
        notifySuccess(t('ui.personForm.created', { name: created.name }));
        onClose();
        navigate({ name: 'person', id: created.id });
      }
    } catch (error) {
      const wire = asWireError(error);
      if (ID_NUMBER_ERRORS.has(wire.code)) setErrors({ idNumber: idNumberMessage(t, wire) });
      else notifyError(t, error);
    }
  }

  const title = person ? t('ui.personForm.editTitle', { name: person.name }) : t('ui.personForm.createTitle');
  return (
    <FormModal opened={opened} onClose={onClose} title={title} size="lg" testId="person-form" validate={check} onSubmit={submit}>
      <SimpleGrid cols={2}>
        <TextInput label={t('ui.personForm.name')} required value={values.name} error={errors.name} onChange={(e) => set('name', e.currentTarget.value)} data-autofocus />
        <TextInput
          label={t('ui.personForm.idNumber')}
          description={t('ui.personForm.idNumberHint')}
          required
          value={values.idNumber}
          error={errors.idNumber}
          onChange={(e) => set('idNumber', e.currentTarget.value)}
          inputWrapperOrder={['label', 'input', 'error', 'description']}
        />
      </SimpleGrid>
      <UnitSelect label={t('ui.personForm.unit')} placeholder={t('ui.personForm.unitPlaceholder')} value={values.unitId} onChange={(v) => set('unitId', v)} />
      <SimpleGrid cols={2}>
        <TextInput label={t('ui.personForm.position')} value={values.position} onChange={(e) => set('position', e.currentTarget.value)} />
        <TextInput label={t('ui.personForm.phone')} value={values.phone} onChange={(e) => set('phone', e.currentTarget.value)} />
        <Select label={t('ui.personForm.rank')} clearable data={enumOptions(t, 'rank', RANKS, values.rank)} value={values.rank} onChange={(v) => set('rank', v)} />
        <Select label={t('ui.personForm.category')} clearable data={enumOptions(t, 'category', CATEGORIES, values.category)} value={values.category} onChange={(v) => set('category', v)} />
      </SimpleGrid>
    </FormModal>
  );
}
