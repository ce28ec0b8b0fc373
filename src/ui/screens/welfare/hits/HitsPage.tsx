import { Badge, Box, Button, Group, LoadingOverlay, Pagination, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStatus';
import { call } from '../../../bridge/client';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { navigate } from '../../../routing';
import { useCan } from '../../../session/use-session';
import { HIT_PAGE_SIZES, hitFilterOf, hitsRoute, type HitBoardFilters, type HitPageSize } from '../../../welfare-routes';
import { formatYuan } from '../shared/money';
import { AssignModal } from './AssignModal';
import { ExportMenu } from './ExportMenu';
import { HitFilters } from './HitFilters';
import { HitTable } from './HitTable';
import { RunRulesCard } from './RunRulesCard';

function Total({ label, fen, testId, color }: { label: string; fen: number; testId: string; color?: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId} data-fen={fen}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={20} fw={700} c={color}>
        {formatYuan(fen)}
      </Text>
    </Paper>
  );
}

/** 疑点: the rules run, the hits filtered and paged, selected hits sent to a county, the board exported. */
export function HitsPage({ filters }: { filters: HitBoardFilters }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const filter = hitFilterOf(filters);
  const filterKey = JSON.stringify(filter);
  const offset = (filters.page - 1) * filters.pageSize;
  const hits = useQuery(() => call(api.welfare.hits, { ...filter, offset, limit: filters.pageSize }), [filterKey, offset, filters.pageSize]);
  useDataChanged(hits.reload);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [assigning, setAssigning] = useState(false);

  // the search box and the hash follow each other, as on the case register
  const [text, setText] = useState(filters.query);
  const [debounced] = useDebouncedValue(text.trim(), 300);
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
    navigate(hitsRoute({ ...filtersRef.current, query: debounced, page: 1 }), { replace: true });
  }, [debounced]);

  // a filter change starts from the first page
  const update = (over: Partial<HitBoardFilters>) => navigate(hitsRoute({ ...filters, page: 1, ...over }), { replace: true });
  const select = (ids: string[], checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const data = hits.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / filters.pageSize)) : 1;
  const mayAssign = can('welfare.analyse');
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('ui.welfare.hits.title')}</Title>
          {data && (
            <Badge variant="light" size="lg" data-testid="hits-total" data-total={data.total}>
              {t('ui.welfare.hits.total', { total: data.total.toLocaleString(i18n.language) })}
            </Badge>
          )}
        </Group>
        <ExportMenu filter={filter} />
      </Group>
      <RunRulesCard />
      <HitFilters filters={filters} facets={data?.facets} text={text} onText={setText} onChange={update} />
      {data && (
        <SimpleGrid cols={3} maw={720}>
          <Total testId="total-amount" label={t('ui.welfare.hits.totals.amount')} fen={data.totals.amountFen} />
          <Total testId="total-recoverable" label={t('ui.welfare.hits.totals.recoverable')} fen={data.totals.recoverableFen} color="orange.8" />
          <Total testId="total-confirmed" label={t('ui.welfare.hits.totals.confirmedRecoverable')} fen={data.totals.confirmedRecoverableFen} color="red.8" />
        </SimpleGrid>
      )}
      <Paper withBorder p="sm">
        {mayAssign && (
          <Group justify="space-between" mb="xs">
            <Text size="sm" c="dimmed" data-testid="hits-selected" data-count={selected.size}>
              {t('ui.welfare.hits.selected', { count: selected.size })}
            </Text>
            <Group gap="xs">
              {selected.size > 0 && (
                <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
                  {t('ui.welfare.hits.clearSelection')}
                </Button>
              )}
              <Button size="xs" leftSection={<IconSend size={14} />} disabled={selected.size === 0} onClick={() => setAssigning(true)} data-testid="hits-assign">
                {t('ui.welfare.hits.assign')}
              </Button>
            </Group>
          </Group>
        )}
        {hits.error && !data ? (
          <ErrorState error={hits.error} onRetry={hits.reload} />
        ) : !data ? (
          <LoadingState />
        ) : data.total === 0 ? (
          <EmptyState message={t('ui.welfare.hits.empty')} />
        ) : (
          <Box pos="relative">
            {/* the previous page stays visible under a veil while the next one loads */}
            <LoadingOverlay visible={hits.loading} zIndex={10} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
            <HitTable rows={data.rows} selected={mayAssign ? selected : null} onSelect={select} />
          </Box>
        )}
        {data && data.total > 0 && (
          <Group justify="space-between" mt="sm">
            <Group gap="sm">
              <Text size="sm" c="dimmed" data-testid="hits-page">
                {t('ui.common.pageOf', { page: filters.page, pages, total: data.total })}
              </Text>
              <Select
                size="xs"
                w={110}
                aria-label={t('ui.welfare.hits.pageSize')}
                data={HIT_PAGE_SIZES.map((n) => ({ value: String(n), label: t('ui.welfare.hits.perPage', { n }) }))}
                value={String(filters.pageSize)}
                onChange={(v) => v && update({ pageSize: Number(v) as HitPageSize })}
                allowDeselect={false}
                data-testid="hits-page-size"
              />
            </Group>
            {pages > 1 && (
              <Pagination size="sm" total={pages} value={filters.page} onChange={(page) => navigate(hitsRoute({ ...filters, page }), { replace: true })} data-testid="hits-pagination" />
            )}
          </Group>
        )}
      </Paper>
      <AssignModal
        hitIds={[...selected]}
        opened={assigning}
        onClose={() => setAssigning(false)}
        onAssigned={() => {
          setAssigning(false);
          setSelected(new Set());
        }}
      />
    </Stack>
  );
}
