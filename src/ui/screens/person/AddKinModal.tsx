import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { KIN_RELATIONS, type KinRelation, type PersonDetail } from '../../../shared/api/registry';
import { call } from '../../bridge/client';
import { enumOptions } from '../../components/enum-label';
import { notifyError, notifySuccess } from '../../errors';
import { PersonPicker } from './PersonPicker';

interface Props {
  opened: boolean;
  onClose: () => void;
  person: PersonDetail;
}

export function AddKinModal({ opened, onClose, person }: Props) {
  const { t } = useTranslation();
  const [relativeId, setRelativeId] = useState<string | null>(null);
  const [relation, setRelation] = useState<KinRelation | null>(null);
  const [errors, setErrors] = useState<{ relative?: string; relation?: string }>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setRelativeId(null);
    setRelation(null);
    setErrors({});
  }, [opened]);

  async function submit() {
    const found = {
      ...(relativeId ? {} : { relative: t('ui.person.kin.relativeRequired') }),
      ...(relation ? {} : { relation: t('ui.person.kin.relationRequired') }),
    };
    setErrors(found);
    if (!relativeId || !relation) return;
    setSaving(true);
    try {
      const link = await call(api.people.linkKin, { personId: person.id, relativeId, relation });
      notifySuccess(t('ui.person.kin.linked', { name: link.relative.name }));
      onClose();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} closeButtonProps={{ 'aria-label': t('ui.common.close') }} title={t('ui.person.kin.addTitle', { name: person.name })} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
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
