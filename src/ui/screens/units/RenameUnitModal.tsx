import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { OrgUnit } from '../../../shared/api/registry';
import { call } from '../../bridge/client';
import { notifyError, notifySuccess } from '../../errors';
import { nameError } from './unit-form-rules';

interface Props {
  opened: boolean;
  onClose: () => void;
  unit: OrgUnit;
}

export function RenameUnitModal({ opened, onClose, unit }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName(unit.name);
    setError(undefined);
  }, [opened, unit.name]);

  async function submit() {
    const found = nameError(t, name);
    setError(found);
    if (found) return;
    setSaving(true);
    try {
      const renamed = await call(api.units.update, { id: unit.id, name: name.trim() });
      notifySuccess(t('ui.units.renamed', { name: renamed.name }));
      onClose();
    } catch (failure) {
      notifyError(t, failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} closeButtonProps={{ 'aria-label': t('ui.common.close') }} title={t('ui.units.form.renameTitle', { name: unit.name })}>
      <form
        noValidate
        data-testid="unit-rename-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('ui.units.form.name')} required value={name} error={error} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
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
