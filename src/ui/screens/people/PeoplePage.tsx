import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitSelect } from '../../components/UnitSelect';
import { navigate, peopleRoute, type Route } from '../../routing';
import { useCan } from '../../session/use-session';
import { PersonFormModal } from '../person/PersonFormModal';
import { PeopleResults } from './PeopleResults';

type PeopleRoute = Extract<Route, { name: 'people' }>;

/**
 * The people list. Search text, unit and page live in the hash (replaced, not pushed), so the
 * back button from a person's detail returns to the same results.
 */
export function PeoplePage({ route }: { route: PeopleRoute }) {
  const { t } = useTranslation();
  const [text, setText] = useState(route.query);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const [creating, setCreating] = useState(false);
  const can = useCan();

  // The text box and the hash each follow the other: typing updates the hash once it settles,
  // and a new hash from outside (the navigation link, the back button) resets the text box.
  const routeRef = useRef(route);
  routeRef.current = route;
  const synced = useRef(route.query);
  useEffect(() => {
    if (route.query === synced.current) return;
    synced.current = route.query;
    setText(route.query);
  }, [route.query]);
  useEffect(() => {
    if (debounced === synced.current) return;
    synced.current = debounced;
    navigate(peopleRoute({ ...routeRef.current, query: debounced, page: 1 }), { replace: true });
  }, [debounced]);

  const filtered = route.query !== '' || route.unitId !== null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('ui.people.title')}</Title>
        <Group gap="xs">
          {can('registry.import') && (
            <Button variant="default" leftSection={<IconFileImport size={18} />} component="a" href="#/people-import">
              {t('ui.people.import')}
            </Button>
          )}
          {can('registry.write') && (
            <Button leftSection={<IconUserPlus size={18} />} onClick={() => setCreating(true)}>
              {t('ui.people.create')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" grow preventGrowOverflow={false}>
          <TextInput
            label={t('ui.people.searchLabel')}
            placeholder={t('ui.people.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="people-search"
            style={{ flexGrow: 2 }}
          />
          <UnitSelect
            label={t('ui.people.unitFilter')}
            placeholder={t('ui.people.unitFilterPlaceholder')}
            value={route.unitId}
            onChange={(unitId) => navigate(peopleRoute({ ...route, unitId, page: 1 }), { replace: true })}
            data-testid="people-unit-filter"
          />
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        <PeopleResults
          query={route.query}
          unitId={route.unitId}
          descendants
          page={route.page}
          onPageChange={(page) => navigate(peopleRoute({ ...route, page }), { replace: true })}
          emptyMessage={filtered ? t('ui.people.empty') : t('ui.people.emptyAll')}
        />
      </Paper>
      <PersonFormModal opened={creating} onClose={() => setCreating(false)} person={null} />
    </Stack>
  );
}
