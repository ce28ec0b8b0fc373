import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { CalendarYear } from '../../../shared/api/cases';
import { call } from '../../bridge/client';
import { FormModal } from '../../components/FormModal';
import { ErrorState, LoadingState } from '../../components/QueryStatus';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery } from '../../data/use-query';
import { notifyError, notifySuccess } from '../../errors';
import { formatDateTime } from '../../format';
import { YearModal } from './YearModal';

/** The working-day calendar by year: built in or entered here; a later year is added by pasting its dates. */
export function CalendarYearsCard() {
  const { t } = useTranslation();
  const years = useQuery(() => call(api.calendar.years, {}), []);
  useDataChanged(years.reload);
  const [editing, setEditing] = useState<{ year: CalendarYear | null } | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);

  async function remove(year: number) {
    try {
      await call(api.calendar.removeYear, { year });
      notifySuccess(t('ui.settings.calendar.removed', { year }));
      years.reload();
      setRemoving(null);
    } catch (error) {
      notifyError(t, error);
    }
  }

  if (years.error && !years.data) return <ErrorState error={years.error} onRetry={years.reload} />;
  if (!years.data) return <LoadingState />;
  const { firstYear, lastYear } = years.data;
  const list = [...years.data.years].sort((a, b) => b.year - a.year);
  return (
    <Paper withBorder p="md" data-testid="calendar-years">
      <Group justify="space-between" mb="xs">
        <div>
          <Text fw={600}>{t('ui.settings.calendar.title')}</Text>
          <Text size="sm" c="dimmed" data-testid="calendar-range">
            {t('ui.settings.calendar.range', { first: firstYear, last: lastYear })}
          </Text>
        </div>
        <Button leftSection={<IconCalendarPlus size={18} />} onClick={() => setEditing({ year: null })} data-testid="calendar-add">
          {t('ui.settings.calendar.add')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={640} mah={420}>
        <Table verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.settings.calendar.year')}</Table.Th>
              <Table.Th>{t('ui.settings.calendar.origin')}</Table.Th>
              <Table.Th>{t('ui.settings.calendar.holidays')}</Table.Th>
              <Table.Th>{t('ui.settings.calendar.workdays')}</Table.Th>
              <Table.Th>{t('ui.settings.calendar.updatedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((year) => (
              <Table.Tr key={year.year} data-testid="calendar-year" data-year={year.year} data-origin={year.origin}>
                <Table.Td fw={500}>{year.year}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={year.origin === 'custom' ? 'teal' : 'gray'}>
                    {t(`ui.settings.calendar.originLabel.${year.origin}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{year.holidays.length}</Table.Td>
                <Table.Td>{year.workdays.length}</Table.Td>
                <Table.Td>{year.updatedAt ? formatDateTime(year.updatedAt, { seconds: false }) : t('ui.common.none')}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setEditing({ year })}>
                      {t('ui.settings.calendar.correct')}
                    </Button>
                    {year.origin === 'custom' && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(year.year)} data-testid="calendar-remove">
                        {t('ui.common.remove')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <FormModal opened={removing !== null} onClose={() => setRemoving(null)} title={t('ui.settings.calendar.removeTitle')} testId="year-remove-form" submitLabel={t('ui.common.remove')} onSubmit={() => (removing !== null ? remove(removing) : Promise.resolve())}>
        <Text size="sm">{t('ui.settings.calendar.removeConfirm', { year: removing ?? '' })}</Text>
      </FormModal>
      <YearModal opened={editing !== null} onClose={() => setEditing(null)} year={editing?.year ?? null} suggestedYear={lastYear + 1} onSaved={years.reload} />
    </Paper>
  );
}
