import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { CaseDetail } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import { roleLabel } from '../../../components/role-label';
import { FieldsSummary } from '../shared/FieldsSummary';
import { caseLabel } from '../shared/labels';
import type { useCaseMutation } from './use-case-mutation';

/** The proposal waiting for approval; the approver decides here, with an optional comment. */
export function ProposalBox({ detail, mutate }: { detail: CaseDetail; mutate: ReturnType<typeof useCaseMutation> }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const proposal = detail.pendingProposal;
  if (!proposal) return null;

  async function decide(approve: boolean) {
    setBusy(approve ? 'approve' : 'reject');
    const result = await mutate(
      () => call(api.cases.decide, { caseId: detail.id, version: detail.version, approve, comment: comment.trim() || null }),
      t(approve ? 'ui.cases.proposal.approved' : 'ui.cases.proposal.rejected'),
      { notify: true },
    );
    setBusy(null);
    if (result.ok) setComment('');
  }

  return (
    <Alert color="orange" icon={<IconHourglass />} title={t('ui.cases.proposal.title')} data-testid="proposal-box" data-action={proposal.action}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {caseLabel(t, 'action', proposal.action)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ui.cases.proposal.by', { name: proposal.proposedByName, date: proposal.date, role: roleLabel(t, proposal.approver, proposal.approver) })}
        </Text>
        <FieldsSummary fields={proposal.fields} subjects={detail.subjects} />
        {detail.canDecide ? (
          <>
            <Textarea
              label={t('ui.cases.proposal.comment')}
              autosize
              minRows={1}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              data-testid="proposal-comment"
            />
            <Group gap="xs">
              <Button color="green" onClick={() => void decide(true)} loading={busy === 'approve'} disabled={busy !== null} data-testid="proposal-approve">
                {t('ui.cases.proposal.approve')}
              </Button>
              <Button color="red" variant="light" onClick={() => void decide(false)} loading={busy === 'reject'} disabled={busy !== null} data-testid="proposal-reject">
                {t('ui.cases.proposal.reject')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm">{t('ui.cases.proposal.waiting', { role: roleLabel(t, proposal.approver, proposal.approver) })}</Text>
        )}
      </Stack>
    </Alert>
  );
}
