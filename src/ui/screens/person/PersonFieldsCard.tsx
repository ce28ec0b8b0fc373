import { Anchor, Breadcrumbs, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/api/registry';
import { enumLabel } from '../../components/enum-label';
import { routeHref } from '../../routing';

/** "2026-11-27T11:07:45.390+08:00" → "2026-11-27 11:07": stamps are already Shanghai time. */
const formatTimestamp = (stamp: string) => stamp.slice(0, 16).replace('T', ' ');

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

export function PersonFieldsCard({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const none = t('ui.common.none');
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={4} spacing="md" verticalSpacing="md">
        <Field label={t('ui.person.idNumber')} testId="person-id-number">
          {person.idNumber}
        </Field>
        <Field label={t('ui.people.columns.gender')}>{t(`ui.gender.${person.gender}`)}</Field>
        <Field label={t('ui.people.columns.birthDate')}>{person.birthDate}</Field>
        <Field label={t('ui.person.phone')}>{person.phone ?? none}</Field>
        <Field label={t('ui.people.columns.position')}>{person.position ?? none}</Field>
        <Field label={t('ui.people.columns.rank')}>{enumLabel(t, 'rank', person.rank)}</Field>
        <Field label={t('ui.people.columns.category')}>{enumLabel(t, 'category', person.category)}</Field>
        <Field label={t('ui.person.updatedAt')}>{formatTimestamp(person.updatedAt)}</Field>
      </SimpleGrid>
      <Stack gap={2} mt="md">
        <Text size="xs" c="dimmed">
          {t('ui.person.unitPath')}
        </Text>
        {person.unitPath.length === 0 ? (
          <Text size="sm">{none}</Text>
        ) : (
          <Breadcrumbs separatorMargin={6} data-testid="person-unit-path">
            {person.unitPath.map((name, i) =>
              // only the last step is known by id; the path above it is names only
              i === person.unitPath.length - 1 && person.unitId ? (
                <Anchor key={i} size="sm" href={routeHref({ name: 'units', unitId: person.unitId })}>
                  {name}
                </Anchor>
              ) : (
                <Text key={i} size="sm">
                  {name}
                </Text>
              ),
            )}
          </Breadcrumbs>
        )}
      </Stack>
    </Paper>
  );
}
