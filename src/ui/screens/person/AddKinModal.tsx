import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { KIN_RELATIONS, type KinRelation, type PersonDetail } from '../../../shared/api/registry';
import { call } from '../../bridge/client';
import { enumOptions } from '../../components/enum-label';
import { FormModal, type FormModalControl } from '../../components/FormModal';
import { notifyError, notifySuccess } from '../../errors';
import { PersonPicker } from './PersonPicker';

interface Props extends FormModalControl {
  person: PersonDetail;
}

export function AddKinModal({ opened, onClose, person }: Props) {
  const { t } = useTranslation();
  const [relativeId, setRelativeId] = useState<string | null>(null);
  const [relation, setRelation] = useState<KinRelation | null>(null);
  const [errors, setErrors] = useState<{ relative?: string; relation?: string }>({});

  useEffect(() => {
    if (!opened) return;
    setRelativeId(null);
    setRelation(null);
    setErrors({});
  }, [opened]);

  function validate() {
    setErrors({
      ...(relativeId ? {} : { relative: t('ui.person.kin.relativeRequired') }),
      ...(relation ? {} : { relation: t('ui.person.kin.relationRequired') }),
    });
    return Boolean(relativeId && relation);
  }

  async function submit() {
    // validate() has already stopped a submit without them
    if (!relativeId || !relation) return;
    try {
      const link = await call(api.people.linkKin, { personId: person.id, relativeId, relation });
      notifySuccess(t('ui.person.kin.linked', { name: link.relative.name }));
      onClose();
    } catch (error) {
      notifyError(t, error);
    }
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('ui.person.kin.addTitle', { name: person.name })} size="lg" validate={validate} onSubmit={submit}>
      {/* the modal is unmounted on close, so the picker's own search state starts afresh */}
      {opened && (
        <PersonPicker
          label={t('ui.person.kin.searchLabel')}
          value={relativeId}
          onChange={setRelativeId}
          excludeId={person.id}
          error={errors.relative}
        />
      )}
      <Select
        label={t('ui.person.kin.relation')}
        description={t('ui.person.kin.relationHint')}
        data={enumOptions(t, 'relation', KIN_RELATIONS)}
        value={relation}
        onChange={(v) => setRelation(v as KinRelation | null)}
        error={errors.relation}
        comboboxProps={{ withinPortal: true }}
        data-testid="kin-relation"
      />
    </FormModal>
  );
}
