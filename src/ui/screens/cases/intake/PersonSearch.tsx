import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { Person } from '../../../../shared/api/registry';
import { call } from '../../../bridge/client';
import { useQuery } from '../../../data/use-query';

const optionLabel = (p: Person) => [p.name, p.unitName, p.position, p.idNumber].filter(Boolean).join(' · ');

/** Finds a person in the registry (name, pinyin initials, ID number) to fill in a subject row. */
export function PersonSearch({ onPick }: { onPick: (person: Person) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim().slice(0, 50), 250);
  const result = useQuery(
    () => (debounced ? call(api.people.search, { query: debounced, limit: 20 }) : Promise.resolve({ rows: [] as Person[], total: 0 })),
    [debounced],
  );
  const people = useMemo(() => result.data?.rows ?? [], [result.data]);
  return (
    <Select
      label={t('ui.cases.intake.pickPerson')}
      placeholder={t('ui.cases.intake.pickPersonPlaceholder')}
      searchable
      data={people.map((p) => ({ value: p.id, label: optionLabel(p) }))}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      // the core has already filtered (pinyin initials would not match the label)
      filter={({ options }) => options}
      onChange={(id) => {
        const person = people.find((p) => p.id === id);
        if (person) onPick(person);
        setSearch('');
      }}
      nothingFoundMessage={debounced && !result.loading ? t('ui.person.kin.nothingFound') : undefined}
      leftSection={<IconSearch size={16} />}
      rightSection={result.loading && debounced ? <Loader size="xs" /> : undefined}
      comboboxProps={{ withinPortal: true }}
      data-testid="subject-person-search"
    />
  );
}
