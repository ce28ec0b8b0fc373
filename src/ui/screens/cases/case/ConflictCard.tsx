import { Alert, Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconGitFork } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { CaseDetail } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import { notifyError } from '../../../errors';
import { FieldsSummary } from '../shared/FieldsSummary';
import { caseLabel } from '../shared/labels';
import { ReasonField } from '../shared/ReasonField';
import { eventByline, eventLabel } from './CaseTimeline';
import type { useCaseMutation } from './use-case-mutation';

/**
 * Moves made at two offices at once: both are shown, and the officer chooses which stands (the
 * others are undone, with the reason). Until then the case offers no other step.
 */
export function ConflictCard({ detail, mutate }: { detail: CaseDetail; mutate: ReturnType<typeof useCaseMutation> }) {
  const { t } = useTranslation();
  const [keep, setKeep] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ keep?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  if (!detail.conflict) return null;
  const moves = detail.events.filter((e) => detail.conflict!.eventIds.includes(e.id));
  const submit = async () => {
    const problems = { keep: keep ? undefined : t('ui.cases.conflict.choose'), reason: reason.trim() ? undefined : t('ui.cases.action.required') };
    setError(problems);
    if (problems.keep || problems.reason) return;
    setBusy(true);
    const result = await mutate(
      () => call(api.cases.resolveConflict, { caseId: detail.id, version: detail.version, keep: keep!, reason: reason.trim() }),
      t('ui.cases.conflict.done'),
    );
    setBusy(false);
    if (!result.ok && result.error.code !== 'CASE_VERSION_CONFLICT') notifyError(t, result.error);
    else {
      setKeep(null);
      setReason('');
    }
  };
  return (
    <Alert color="red" variant="light" icon={<IconGitFork size={20} />} title={t('ui.cases.conflict.title')} data-testid="case-conflict">
      <Stack gap="sm">
        <Text size="sm">{t('ui.cases.conflict.hint')}</Text>
        <Radio.Group value={keep} onChange={setKeep} error={error.keep}>
          <Stack gap="xs">
            {moves.map((move) => (
              <Paper key={move.id} withBorder p="xs" data-testid="conflict-move" data-event-id={move.id}>
                <Radio
                  value={move.id}
                  label={
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {eventLabel(t, move)}
                      </Text>
                      {move.toStage && <Text size="sm">→ {caseLabel(t, 'stage', move.toStage)}</Text>}
                    </Group>
                  }
                  description={
                    <Stack gap={0}>
                      <Text size="xs" c="dimmed">
                        {eventByline(t, move)}
                      </Text>
                      <FieldsSummary fields={move.fields} subjects={detail.subjects} />
                    </Stack>
                  }
                />
              </Paper>
            ))}
          </Stack>
        </Radio.Group>
        <ReasonField
          value={reason}
          error={error.reason}
          onChange={(value) => {
            setReason(value);
            setError((current) => ({ ...current, reason: undefined }));
          }}
          testId="conflict-reason"
        />
        <Group justify="flex-end">
          <Button color="red" loading={busy} onClick={() => void submit()} data-testid="conflict-keep">
            {t('ui.cases.conflict.keep')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
