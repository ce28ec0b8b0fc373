import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { OrgUnit } from '../../../shared/api/registry';
import { call } from '../../bridge/client';
import { FormModal, type FormModalControl } from '../../components/FormModal';
import { notifyError, notifySuccess } from '../../errors';
import { nameError } from './unit-form-rules';

interface Props extends FormModalControl {
  unit: OrgUnit;
}

export function RenameUnitModal({ opened, onClose, unit }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!opened) return;
    setName(unit.name);
    setError(undefined);
  }, [opened, unit.name]);

  function validate() {
    const found = nameError(t, name);
    setError(found);
    return !found;
  }

  async function submit() {
    try {
      const renamed = await call(api.units.update, { id: unit.id, name: name.trim() });
      notifySuccess(t('ui.units.renamed', { name: renamed.name }));
      onClose();
    } catch (failure) {
      notifyError(t, failure);
    }
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('ui.units.form.renameTitle', { name: unit.name })} testId="unit-rename-form" validate={validate} onSubmit={submit}>
      <TextInput label={t('ui.units.form.name')} required value={name} error={error} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
    </FormModal>
  );
}
