import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery } from '../../data/use-query';
import { routeHref } from '../../routing';
import { LightBadge } from '../cases/shared/LightBadge';
import { StageBadge } from '../cases/shared/StageBadge';

/** The clues and cases about this person (as a linked subject), newest first. */
export function PersonCasesCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const cases = useQuery(() => call(api.cases.list, { personId, limit: 50 }), [personId]);
  useDataChanged(cases.reload);
  const rows = cases.data?.rows ?? [];
  return (
    <Paper withBorder p="md" data-testid="person-cases">
      <Text fw={600} mb="xs">
        {t('ui.person.cases', { count: cases.data?.total ?? 0 })}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.person.noCases')}
        </Text>
      ) : (
        <Stack gap={6}>
          {rows.map((row) => (
            <Group key={row.id} gap="sm" wrap="nowrap">
              <Anchor href={routeHref({ name: 'case', id: row.id })} ff="monospace" size="sm">
                {row.number}
              </Anchor>
              <Text size="sm" lineClamp={1}>
                {row.title}
              </Text>
              <StageBadge stage={row.stage} outcome={row.outcome} />
              {row.light && <LightBadge light={row.light} size="xs" />}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
