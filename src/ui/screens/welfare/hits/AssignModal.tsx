import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { call } from '../../../bridge/client';
import { FormModal } from '../../../components/FormModal';
import { notifyError, notifySuccess } from '../../../errors';
import { CountySelect } from '../shared/CountySelect';

interface Props {
  hitIds: string[];
  opened: boolean;
  onClose: () => void;
  onAssigned: () => void;
}

/** Sends the selected hits to one county for verification (again, to another, if need be). */
export function AssignModal({ hitIds, opened, onClose, onAssigned }: Props) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!unitId) return;
    try {
      const { assigned } = await call(api.welfare.assign, { hitIds, unitId });
      notifySuccess(t('ui.welfare.assign.done', { count: assigned }));
      onAssigned();
    } catch (failure) {
      notifyError(t, failure);
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('ui.welfare.assign.title', { count: hitIds.length })}
      testId="assign-form"
      submitLabel={t('ui.welfare.assign.submit')}
      validate={() => {
        setError(unitId ? null : t('ui.welfare.assign.countyRequired'));
        return unitId !== null;
      }}
      onSubmit={submit}
    >
      <Text size="sm" c="dimmed">
        {t('ui.welfare.assign.hint')}
      </Text>
      <CountySelect
        label={t('ui.welfare.assign.county')}
        required
        value={unitId}
        onChange={(v) => {
          setUnitId(v);
          setError(null);
        }}
        error={error}
        data-testid="assign-county"
      />
    </FormModal>
  );
}
