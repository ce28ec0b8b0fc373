import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { UNIT_KINDS, type OrgUnit, type UnitKind } from '../../../shared/api/registry';
import { call } from '../../bridge/client';
import { asWireError, describeError, notifyError, notifySuccess } from '../../errors';
import { navigate } from '../../routing';
import { childKind, codeError, nameError } from './unit-form-rules';

interface Props {
  opened: boolean;
  onClose: () => void;
  parent: OrgUnit;
}

/** A new unit under `parent`. */
export function UnitFormModal({ opened, onClose, parent }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>(childKind(parent.kind));
  const [errors, setErrors] = useState<{ code?: string | undefined; name?: string | undefined }>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setCode('');
    setName('');
    setKind(childKind(parent.kind));
    setErrors({});
  }, [opened, parent.kind]);

  async function submit() {
    const found = { code: codeError(t, code), name: nameError(t, name) };
    setErrors(found);
    if (found.code || found.name) return;
    setSaving(true);
    try {
      const unit = await call(api.units.create, { code: code.trim(), name: name.trim(), kind, parentId: parent.id });
      notifySuccess(t('ui.units.created', { name: unit.name }));
      onClose();
      navigate({ name: 'units', unitId: unit.id });
    } catch (error) {
      if (asWireError(error).code === 'UNIT_CODE_TAKEN') setErrors({ code: describeError(t, error) });
      else notifyError(t, error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} closeButtonProps={{ 'aria-label': t('ui.common.close') }} title={t('ui.units.form.createTitle', { parent: parent.name })}>
      <form
        noValidate
        data-testid="unit-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
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
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
