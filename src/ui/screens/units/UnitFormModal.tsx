import { Select, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { UNIT_KINDS, type OrgUnit, type UnitKind } from '../../../shared/api/registry';
import { call } from '../../bridge/client';
import { FormModal, type FormModalControl } from '../../components/FormModal';
import { asWireError, describeError, notifyError, notifySuccess } from '../../errors';
import { navigate } from '../../routing';
import { childKind, codeError, nameError } from './unit-form-rules';

interface Props extends FormModalControl {
  parent: OrgUnit;
}

/** A new unit under `parent`. */
export function UnitFormModal({ opened, onClose, parent }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>(childKind(parent.kind));
  const [errors, setErrors] = useState<{ code?: string | undefined; name?: string | undefined }>({});

  useEffect(() => {
    if (!opened) return;
    setCode('');
    setName('');
    setKind(childKind(parent.kind));
    setErrors({});
  }, [opened, parent.kind]);

  function validate() {
    const found = { code: codeError(t, code), name: nameError(t, name) };
    setErrors(found);
    return !found.code && !found.name;
  }

  async function submit() {
    try {
      const unit = await call(api.units.create, { code: code.trim(), name: name.trim(), kind, parentId: parent.id });
      notifySuccess(t('ui.units.created', { name: unit.name }));
      onClose();
      navigate({ name: 'units', unitId: unit.id });
    } catch (error) {
      if (asWireError(error).code === 'UNIT_CODE_TAKEN') setErrors({ code: describeError(t, error) });
      else notifyError(t, error);
    }
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('ui.units.form.createTitle', { parent: parent.name })} testId="unit-form" validate={validate} onSubmit={submit}>
      <TextInput
        label={t('ui.units.form.name')}
        required
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.currentTarget.value)}
        data-autofocus
      />
      <TextInput
        label={t('ui.units.form.code')}
        description={t('ui.units.form.codeHint')}
        required
        value={code}
        error={errors.code}
        onChange={(e) => setCode(e.currentTarget.value)}
        inputWrapperOrder={['label', 'input', 'error', 'description']}
      />
      <Select
        label={t('ui.units.form.kind')}
        data={UNIT_KINDS.map((k) => ({ value: k, label: t(`ui.unitKind.${k}`) }))}
        value={kind}
        allowDeselect={false}
        onChange={(v) => v && setKind(v as UnitKind)}
        comboboxProps={{ withinPortal: true }}
      />
    </FormModal>
  );
}
