import { Anchor, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { InboxItem } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import { FormModal } from '../../../components/FormModal';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStatus';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { notifyError, notifySuccess } from '../../../errors';
import { routeHref } from '../../../routing';
import { FieldsSummary } from '../shared/FieldsSummary';
import { caseLabel } from '../shared/labels';
import { StageBadge } from '../shared/StageBadge';

/** The proposals waiting for the user's approval: approve at once, or reject with a comment. */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useQuery(() => call(api.cases.inbox, {}), []);
  useDataChanged(inbox.reload);
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<InboxItem | null>(null);
  const [comment, setComment] = useState('');

  async function decide(item: InboxItem, approve: boolean, note: string | null = null) {
    setBusy(item.case.id);
    try {
      await call(api.cases.decide, { caseId: item.case.id, version: item.case.version, approve, comment: note });
      notifySuccess(t(approve ? 'ui.cases.proposal.approved' : 'ui.cases.proposal.rejected'));
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(null);
      inbox.reload();
    }
  }

  let body;
  if (inbox.error && !inbox.data) body = <ErrorState error={inbox.error} onRetry={inbox.reload} />;
  else if (!inbox.data) body = <LoadingState />;
  else if (inbox.data.length === 0) body = <EmptyState message={t('ui.cases.inbox.empty')} />;
  else
    body = (
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" data-testid="inbox-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.cases.columns.number')}</Table.Th>
              <Table.Th>{t('ui.cases.inbox.proposal')}</Table.Th>
              <Table.Th>{t('ui.cases.inbox.proposedBy')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inbox.data.map((item) => (
              <Table.Tr key={item.proposal.eventId} data-testid="inbox-row" data-action={item.proposal.action}>
                <Table.Td>
                  <Stack gap={2}>
                    <Anchor href={routeHref({ name: 'case', id: item.case.id })} ff="monospace" size="sm">
                      {item.case.number}
                    </Anchor>
                    <Text size="sm">{item.case.title}</Text>
                    <StageBadge stage={item.case.stage} outcome={item.case.outcome} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {caseLabel(t, 'action', item.proposal.action)}
                  </Text>
                  <FieldsSummary fields={item.proposal.fields} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.proposal.proposedByName}</Text>
                  <Text size="xs" c="dimmed">
                    {item.proposal.date}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" color="green" loading={busy === item.case.id} onClick={() => void decide(item, true)} data-testid="inbox-approve">
                      {t('ui.cases.proposal.approve')}
                    </Button>
                    <Button size="xs" color="red" variant="light" disabled={busy === item.case.id} onClick={() => setRejecting(item)} data-testid="inbox-reject">
                      {t('ui.cases.proposal.reject')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="md">
      <Title order={2}>{t('ui.cases.inbox.title')}</Title>
      <Paper withBorder p="sm">
        {body}
      </Paper>
      <FormModal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t('ui.cases.inbox.rejectTitle')}
        testId="reject-form"
        submitLabel={t('ui.cases.proposal.reject')}
        onSubmit={async () => {
          if (rejecting) await decide(rejecting, false, comment.trim() || null);
          setComment('');
          setRejecting(null);
        }}
      >
        <Textarea label={t('ui.cases.proposal.comment')} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="reject-comment" />
      </FormModal>
    </Stack>
  );
}
