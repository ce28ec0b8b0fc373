import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconSitemap, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { ErrorState, LoadingState } from '../../components/QueryStatus';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery } from '../../data/use-query';
import { useCan } from '../../session/use-session';
import { CaseAlertCards } from './CaseAlertCards';
import { DemoDataCard } from './DemoDataCard';
import { StatCard } from './StatCard';

export function OverviewPage() {
  const { t } = useTranslation();
  const info = useQuery(() => call(api.system.info, {}), []);
  useDataChanged(info.reload);
  const can = useCan();

  if (info.error && !info.data) return <ErrorState error={info.error} onRetry={info.reload} />;
  if (!info.data) return <LoadingState />;
  const { counts, version, nodeId, schemaVersion, empty } = info.data;
  return (
    <Stack gap="md" data-testid="overview">
      <Title order={2}>{t('ui.overview.title')}</Title>
      {empty && can('system.manage') && <DemoDataCard onLoaded={info.reload} />}
      <SimpleGrid cols={2} maw={640}>
        <StatCard testId="count-units" icon={IconSitemap} label={t('ui.overview.units')} value={counts.units} />
        <StatCard testId="count-people" icon={IconUsers} label={t('ui.overview.people')} value={counts.people} />
      </SimpleGrid>
      {can('cases.read') && <CaseAlertCards />}
      <Paper withBorder p="md" maw={640}>
        <Stack gap={6}>
          <InfoLine label={t('ui.overview.version')} value={version} />
          <InfoLine label={t('ui.overview.schemaVersion')} value={String(schemaVersion)} />
          <InfoLine label={t('ui.overview.nodeId')} value={nodeId} mono />
        </Stack>
      </Paper>
    </Stack>
  );
}

function InfoLine({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <Group gap="md" wrap="nowrap">
      <Text size="sm" c="dimmed" w={120}>
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined}>
        {value}
      </Text>
    </Group>
  );
}
