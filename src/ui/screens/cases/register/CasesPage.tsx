import { Badge, Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilePlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUE_SOURCES, STAGES, type CaseSort, type ClueSource, type Stage } from '../../../../shared/api/cases';
import { casesRoute, type CaseListFilters } from '../../../case-routes';
import { ErrorState } from '../../../components/QueryStatus';
import { UnitSelect } from '../../../components/UnitSelect';
import { navigate } from '../../../routing';
import { useCan } from '../../../session/use-session';
import { caseLabel, caseOptions } from '../shared/labels';
import { CaseTable } from './CaseTable';
import { useCasePages } from './use-case-pages';

/** Columns whose natural first order is oldest/lowest first; the rest start newest first. */
const ASCENDING_FIRST: CaseSort[] = ['number', 'nextDue', 'stage'];

/** The clue and case register: filters in the hash, the table fetched page by page as it scrolls. */
export function CasesPage({ filters }: { filters: CaseListFilters }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [text, setText] = useState(filters.query);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const visible = useRef<[number, number]>([0, 0]);
  const cache = useCasePages(filters, (stale) => stale.ensure(...visible.current));
  const onVisible = useCallback((range: [number, number]) => (visible.current = range), []);

  // the text box and the hash follow each other, as on the people list
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const synced = useRef(filters.query);
  useEffect(() => {
    if (filters.query === synced.current) return;
    synced.current = filters.query;
    setText(filters.query);
  }, [filters.query]);
  useEffect(() => {
    if (debounced === synced.current) return;
    synced.current = debounced;
    navigate(casesRoute({ ...filtersRef.current, query: debounced }), { replace: true });
  }, [debounced]);

  const update = (over: Partial<CaseListFilters>) => navigate(casesRoute({ ...filters, ...over }), { replace: true });
  const sortBy = (sort: CaseSort) =>
    update(sort === filters.sort ? { descending: !filters.descending } : { sort, descending: !ASCENDING_FIRST.includes(sort) });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('ui.cases.register.title')}</Title>
          {cache.total !== null && (
            <Badge variant="light" size="lg" data-testid="case-total" data-total={cache.total}>
              {t('ui.cases.register.total', { total: cache.total.toLocaleString(i18n.language) })}
            </Badge>
          )}
        </Group>
        {can('cases.intake') && (
          <Button leftSection={<IconFilePlus size={18} />} component="a" href="#/cases/new">
            {t('ui.cases.register.create')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" grow preventGrowOverflow={false}>
          <TextInput
            label={t('ui.cases.register.search')}
            placeholder={t('ui.cases.register.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="case-search"
            style={{ flexGrow: 2 }}
          />
          <Select
            label={t('ui.cases.columns.stage')}
            placeholder={t('ui.cases.register.all')}
            clearable
            data={caseOptions(t, 'stage', STAGES)}
            value={filters.stage}
            onChange={(v) => update({ stage: (v as Stage | null) ?? null })}
            data-testid="case-stage-filter"
          />
          <Select
            label={t('ui.cases.fields.source')}
            placeholder={t('ui.cases.register.all')}
            clearable
            data={caseOptions(t, 'source', CLUE_SOURCES)}
            value={filters.source}
            onChange={(v) => update({ source: (v as ClueSource | null) ?? null })}
            data-testid="case-source-filter"
          />
          <Select
            label={t('ui.cases.register.light')}
            placeholder={t('ui.cases.register.all')}
            clearable
            data={[
              { value: 'red', label: caseLabel(t, 'light', 'red') },
              { value: 'yellow', label: caseLabel(t, 'light', 'yellow') },
            ]}
            value={filters.light}
            onChange={(v) => update({ light: v === 'red' || v === 'yellow' ? v : null })}
            data-testid="case-light-filter"
          />
          <UnitSelect
            label={t('ui.cases.columns.unit')}
            placeholder={t('ui.cases.register.all')}
            value={filters.unitId}
            onChange={(unitId) => update({ unitId })}
            data-testid="case-unit-filter"
          />
        </Group>
      </Paper>
      {cache.error && <ErrorState error={cache.error} onRetry={() => cache.ensure(...visible.current)} />}
      <Paper withBorder p={0}>
        <CaseTable cache={cache} sort={filters.sort} descending={filters.descending} onSort={sortBy} onVisible={onVisible} />
      </Paper>
    </Stack>
  );
}
