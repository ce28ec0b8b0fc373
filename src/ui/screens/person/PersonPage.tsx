import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { ErrorState, LoadingState } from '../../components/QueryStatus';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery } from '../../data/use-query';
import { useCan } from '../../session/use-session';
import { KinCard } from './KinCard';
import { PersonFieldsCard } from './PersonFieldsCard';
import { PersonCasesCard } from './PersonCasesCard';
import { PersonFormModal } from './PersonFormModal';

export function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery(() => call(api.people.get, { id }), [id]);
  useDataChanged(detail.reload);
  const [editing, setEditing] = useState(false);
  const can = useCan();

  const back = (
    // history.back keeps the list's search and page; a deep link has no list behind it
    <Anchor
      href="#/people"
      size="sm"
      onClick={(e) => {
        if (window.history.length > 1) {
          e.preventDefault();
          window.history.back();
        }
      }}
    >
      <Group gap={4}>
        <IconArrowLeft size={16} />
        {t('ui.person.backToList')}
      </Group>
    </Anchor>
  );

  if (detail.error) {
    return (
      <Stack>
        {back}
        <ErrorState error={detail.error} onRetry={detail.reload} />
      </Stack>
    );
  }
  if (!detail.data) return <LoadingState />;
  const person = detail.data;
  return (
    <Stack gap="md" data-testid="person-detail">
      {back}
      <Group justify="space-between">
        <Title order={2} data-testid="person-name">
          {person.name}
        </Title>
        {can('registry.write') && (
          <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setEditing(true)}>
            {t('ui.common.edit')}
          </Button>
        )}
      </Group>
      <PersonFieldsCard person={person} />
      <KinCard person={person} />
      {can('cases.read') && <PersonCasesCard personId={person.id} />}
      <PersonFormModal opened={editing} onClose={() => setEditing(false)} person={person} />
    </Stack>
  );
}
