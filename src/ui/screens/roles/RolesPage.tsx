import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { ErrorState, LoadingState } from '../../components/QueryStatus';
import { useQuery } from '../../data/use-query';
import { RoleCard } from './RoleCard';
import { rolesInOrder } from './roles-order';

/** The roles and the permissions each holds, from the fixed list; each role saves on its own. */
export function RolesPage() {
  const { t } = useTranslation();
  const roles = useQuery(() => call(api.roles.list, {}), []);

  let body;
  if (roles.error && !roles.data) body = <ErrorState error={roles.error} onRetry={roles.reload} />;
  else if (!roles.data) body = <LoadingState />;
  else
    body = (
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md">
        {rolesInOrder(roles.data).map((role) => (
          <RoleCard key={role.id} role={role} onSaved={roles.reload} />
        ))}
      </SimpleGrid>
    );

  return (
    <Stack gap="md" data-testid="roles-page">
      <div>
        <Title order={2}>{t('ui.roles.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('ui.roles.intro')}
        </Text>
      </div>
      {body}
    </Stack>
  );
}
