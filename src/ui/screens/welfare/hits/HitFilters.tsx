import { Checkbox, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HitPage, HitStatus, RuleCode } from '../../../../shared/api/welfare';
import type { HitBoardFilters } from '../../../welfare-routes';
import { ruleText, welfareLabel } from '../shared/labels';

type Facets = HitPage['facets'];
interface Option {
  value: string;
  label: string;
}

/** A facet's values with their counts; the chosen value stays in the list even when it counts nothing. */
function facetOptions(values: { value: string; count: number }[] | undefined, chosen: string | null, label: (value: string) => string): Option[] {
  const options = (values ?? []).map((v) => ({ value: v.value, label: `${label(v.value)} (${v.count})` }));
  if (chosen && !options.some((o) => o.value === chosen)) options.unshift({ value: chosen, label: label(chosen) });
  return options;
}

interface Props {
  filters: HitBoardFilters;
  facets: Facets | undefined;
  text: string;
  onText: (text: string) => void;
  onChange: (over: Partial<HitBoardFilters>) => void;
}

/** Rule, county, township, program, status and a search; each list counts the hits under the other filters. */
export function HitFilters({ filters, facets, text, onText, onChange }: Props) {
  const { t } = useTranslation();
  const all = t('ui.welfare.hits.all');
  const counties = new Map((facets?.counties ?? []).map((c) => [c.value, c.name]));
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm">
          <TextInput
            label={t('ui.welfare.hits.search')}
            placeholder={t('ui.welfare.hits.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(e) => onText(e.currentTarget.value)}
            data-testid="hits-search"
          />
          <Select
            label={t('ui.welfare.hits.columns.rule')}
            placeholder={all}
            clearable
            searchable
            data={facetOptions(facets?.rules, filters.rule, (v) => ruleText(t, v))}
            value={filters.rule}
            onChange={(v) => onChange({ rule: (v as RuleCode | null) ?? null })}
            data-testid="hits-rule"
          />
          <Select
            label={t('ui.welfare.hits.columns.county')}
            placeholder={all}
            clearable
            searchable
            data={facetOptions(facets?.counties, filters.countyUnitId, (v) => counties.get(v) ?? v)}
            value={filters.countyUnitId}
            onChange={(v) => onChange({ countyUnitId: v, township: null })}
            data-testid="hits-county"
          />
          <Select
            label={t('ui.welfare.hits.columns.township')}
            placeholder={all}
            clearable
            searchable
            data={facetOptions(facets?.townships, filters.township, (v) => v)}
            value={filters.township}
            onChange={(v) => onChange({ township: v })}
            data-testid="hits-township"
          />
          <Select
            label={t('ui.welfare.hits.columns.program')}
            placeholder={all}
            clearable
            searchable
            data={facetOptions(facets?.programs, filters.program, (v) => v)}
            value={filters.program}
            onChange={(v) => onChange({ program: v })}
            data-testid="hits-program"
          />
          <Select
            label={t('ui.welfare.hits.columns.status')}
            placeholder={all}
            clearable
            data={facetOptions(facets?.statuses, filters.status, (v) => welfareLabel(t, 'status', v))}
            value={filters.status}
            onChange={(v) => onChange({ status: (v as HitStatus | null) ?? null })}
            data-testid="hits-status"
          />
        </SimpleGrid>
        <Checkbox
          size="xs"
          label={t('ui.welfare.hits.includeStale')}
          checked={filters.includeStale}
          onChange={(e) => onChange({ includeStale: e.currentTarget.checked })}
          data-testid="hits-stale"
        />
      </Stack>
    </Paper>
  );
}
