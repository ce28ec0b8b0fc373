import { Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/QueryStatus';
import { useUnits } from '../../data/units-context';
import { useCan } from '../../session/use-session';
import { PeopleResults } from '../people/PeopleResults';
import { KindBadge } from './KindBadge';
import { RenameUnitModal } from './RenameUnitModal';
import { UnitFormModal } from './UnitFormModal';

export function UnitPanel({ unitId }: { unitId: string | null }) {
  const { t } = useTranslation();
  const { index } = useUnits();
  const [descendants, setDescendants] = useState(true);
  const [page, setPage] = useState(1);
  const [modal, setModal] = useState<'create' | 'rename' | null>(null);
  const writable = useCan()('registry.write');

  // another unit's people start on their first page
  useEffect(() => setPage(1), [unitId, descendants]);

  const unit = unitId ? index.byId.get(unitId) : undefined;
  if (!unit) return <EmptyState message={t('ui.units.selectHint')} />;
  return (
    <Stack gap="md" data-testid="unit-panel">
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={3} size="h4" data-testid="unit-panel-name">
                {unit.name}
              </Title>
              <KindBadge kind={unit.kind} />
              <Text size="xs" c="dimmed" ff="monospace">
                {unit.code}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t('ui.units.direct', { direct: unit.peopleCount, total: index.totalPeople.get(unit.id) ?? 0 })}
            </Text>
          </Stack>
          {writable && (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" leftSection={<IconPencil size={16} />} onClick={() => setModal('rename')}>
                {t('ui.units.rename')}
              </Button>
              <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setModal('create')}>
                {t('ui.units.addChild')}
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        <Switch
          mb="sm"
          size="sm"
          label={t('ui.units.includeSub')}
          checked={descendants}
          onChange={(e) => setDescendants(e.currentTarget.checked)}
        />
        <PeopleResults
          query=""
          unitId={unit.id}
          descendants={descendants}
          page={page}
          onPageChange={setPage}
          compact
          emptyMessage={t('ui.people.empty')}
        />
      </Paper>
      <UnitFormModal opened={modal === 'create'} onClose={() => setModal(null)} parent={unit} />
      <RenameUnitModal opened={modal === 'rename'} onClose={() => setModal(null)} unit={unit} />
    </Stack>
  );
}
