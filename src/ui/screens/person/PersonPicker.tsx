import { Loader, Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { Person } from '../../../shared/api/registry';
import { call } from '../../bridge/client';
import { useQuery } from '../../data/use-query';

interface Props {
  label: string;
  value: string | null;
  onChange: (personId: string | null) => void;
  /** people who cannot be chosen (the person themself) */
  excludeId?: string;
  error?: string | undefined;
}

const optionLabel = (p: Person) => [p.name, p.unitName, p.idNumber].filter(Boolean).join(' · ');

/**
 * Chooses one person by searching the core (name, pinyin initials, ID number): the registry is
 * far too large to hand to the select whole.
 */
export function PersonPicker({ label, value, onChange, excludeId, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ComboboxItem | null>(null);
  // the select writes the chosen label into the search box; that is not a new search
  const query = selected && search === selected.label ? '' : search.trim().slice(0, 50);
  const [debounced] = useDebouncedValue(query, 250);
  const result = useQuery(
    () => (debounced ? call(api.people.search, { query: debounced, limit: 20 }) : Promise.resolve({ rows: [], total: 0 })),
    [debounced],
  );

  const data = useMemo(() => {
    const options = (result.data?.rows ?? []).filter((p) => p.id !== excludeId).map((p) => ({ value: p.id, label: optionLabel(p) }));
    // the chosen person stays an option, or the select would show an empty box
    if (selected && !options.some((o) => o.value === selected.value)) options.unshift(selected);
    return options;
  }, [result.data, excludeId, selected]);

  return (
    <Select
      label={label}
      placeholder={t('ui.person.kin.searchPlaceholder')}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // the core has already filtered; filtering again by label would hide pinyin matches
      filter={({ options }) => options}
      onChange={(id, option) => {
        setSelected(option);
        onChange(id);
      }}
      nothingFoundMessage={debounced && !result.loading ? t('ui.person.kin.nothingFound') : undefined}
      leftSection={<IconSearch size={16} />}
      rightSection={result.loading && debounced ? <Loader size="xs" /> : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid="kin-person-picker"
    />
  );
}
