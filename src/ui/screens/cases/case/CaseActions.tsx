import { Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { ActionOption, CaseDetail } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import { FormModal } from '../../../components/FormModal';
import { notifyError } from '../../../errors';
import { useCan } from '../../../session/use-session';
import { caseLabel } from '../shared/labels';
import { ReasonField } from '../shared/ReasonField';
import { ActionModal } from './ActionModal';
import type { useCaseMutation } from './use-case-mutation';

/** The actions the workflow allows next, one button each, and the undo of the latest step. */
export function CaseActions({ detail, mutate }: { detail: CaseDetail; mutate: ReturnType<typeof useCaseMutation> }) {
  const { t } = useTranslation();
  const can = useCan();
  const [chosen, setChosen] = useState<ActionOption | null>(null);
  const [undoing, setUndoing] = useState(false);
  if (!can('cases.handle') || (detail.nextActions.length === 0 && !detail.canUndo)) return null;
  return (
    <Paper withBorder p="md" data-testid="case-actions">
      <Text fw={600} mb="xs">
        {t('ui.cases.action.next')}
      </Text>
      <Group gap="xs">
        {detail.nextActions.map((option) => (
          <Button
            key={`${option.action}-${option.to}`}
            variant={option.approver ? 'light' : 'filled'}
            onClick={() => setChosen(option)}
            data-testid="case-action"
            data-action={option.action}
          >
            {caseLabel(t, 'action', option.action)}
          </Button>
        ))}
        {detail.canUndo && (
          <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => setUndoing(true)} data-testid="case-undo">
            {t('ui.cases.undo.button')}
          </Button>
        )}
      </Group>
      <ActionModal detail={detail} option={chosen} onClose={() => setChosen(null)} mutate={mutate} />
      <UndoModal detail={detail} opened={undoing} onClose={() => setUndoing(false)} mutate={mutate} />
    </Paper>
  );
}

function UndoModal({ detail, opened, onClose, mutate }: { detail: CaseDetail; opened: boolean; onClose: () => void; mutate: ReturnType<typeof useCaseMutation> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('ui.cases.undo.title')}
      testId="undo-form"
      submitLabel={t('ui.cases.undo.button')}
      validate={() => {
        if (reason.trim()) return true;
        setError(t('ui.cases.action.required'));
        return false;
      }}
      onSubmit={async () => {
        const result = await mutate(() => call(api.cases.undo, { caseId: detail.id, version: detail.version, reason: reason.trim() }), t('ui.cases.undo.done'));
        if (!result.ok && result.error.code !== 'CASE_VERSION_CONFLICT') notifyError(t, result.error);
        else {
          setReason('');
          onClose();
        }
      }}
    >
      <Text size="sm">{t('ui.cases.undo.hint')}</Text>
      <ReasonField
        value={reason}
        error={error}
        onChange={(value) => {
          setReason(value);
          setError(undefined);
        }}
        testId="undo-reason"
      />
    </FormModal>
  );
}
