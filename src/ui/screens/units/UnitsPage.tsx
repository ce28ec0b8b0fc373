import { Box, Group, Paper, ScrollArea, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStatus';
import { useUnits } from '../../data/units-context';
import { UnitPanel } from './UnitPanel';
import { UnitTree } from './UnitTree';

/** Tree on the left, the selected unit and its people on the right; both scroll on their own. */
export function UnitsPage({ unitId }: { unitId: string | null }) {
  const { t } = useTranslation();
  const { index, loading, error, reload } = useUnits();

  let tree;
  if (error && index.units.length === 0) tree = <ErrorState error={error} onRetry={reload} />;
  else if (loading) tree = <LoadingState />;
  else if (index.units.length === 0) tree = <EmptyState message={t('ui.units.empty')} />;
  else tree = <UnitTree index={index} selectedId={unitId} />;

  return (
    <Stack gap="md">
      <Title order={2}>{t('ui.units.title')}</Title>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Paper withBorder w={430} style={{ flexShrink: 0 }}>
          <ScrollArea.Autosize mah="calc(100vh - 150px)" type="auto" offsetScrollbars p="xs">
            {tree}
          </ScrollArea.Autosize>
        </Paper>
        <Box style={{ flexGrow: 1, minWidth: 0 }}>
          <UnitPanel unitId={unitId} />
        </Box>
      </Group>
    </Stack>
  );
}
