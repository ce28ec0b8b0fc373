import { Anchor, Box, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSort, CaseSummary } from '../../../../shared/api/cases';
import { navigate, routeHref } from '../../../routing';
import { caseLabel } from '../shared/labels';
import { LightBadge } from '../shared/LightBadge';
import { StageBadge } from '../shared/StageBadge';
import type { PageCache } from './page-cache';

const ROW_HEIGHT = 41;
const COLUMNS = 8;
const SETTLE_MS = 100;

interface Props {
  cache: PageCache<CaseSummary>;
  sort: CaseSort;
  descending: boolean;
  onSort: (sort: CaseSort) => void;
  /** tells the page which rows are in view, for a refetch after a change */
  onVisible: (range: [number, number]) => void;
}

/**
 * The register as one long table: only the rows in view (and a few around them) are rendered,
 * and their pages fetched as they come into view, so 100,000 clues scroll as smoothly as 100.
 */
export function CaseTable({ cache, sort, descending, onSort, onVisible }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = cache.total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    onVisible([first, last]);
    // a fast drag through the scrollbar passes hundreds of pages: fetch only where it settles
    const timer = setTimeout(() => cache.ensure(first, last), cache.total === null ? 0 : SETTLE_MS);
    return () => clearTimeout(timer);
  }, [cache, first, last, onVisible]);
  // a new listing starts at the top
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [cache]);

  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const sortable = (key: CaseSort, label: string, width: number) => (
    <Table.Th w={width} aria-sort={sort === key ? (descending ? 'descending' : 'ascending') : undefined}>
      <SortHeader label={label} active={sort === key} descending={descending} onClick={() => onSort(key)} />
    </Table.Th>
  );
  return (
    <Box ref={scrollRef} style={{ height: 'calc(100vh - 265px)', minHeight: 320, overflow: 'auto' }} data-testid="case-table-scroll">
      <Table striped highlightOnHover stickyHeader verticalSpacing={6} miw={1100} layout="fixed" data-testid="case-table" data-total={count}>
        <Table.Thead>
          <Table.Tr>
            {sortable('number', t('ui.cases.columns.number'), 165)}
            <Table.Th>{t('ui.cases.columns.title')}</Table.Th>
            <Table.Th w={110}>{t('ui.cases.columns.subjects')}</Table.Th>
            {sortable('stage', t('ui.cases.columns.stage'), 110)}
            <Table.Th w={120}>{t('ui.cases.columns.unit')}</Table.Th>
            <Table.Th w={140}>{t('ui.cases.columns.department')}</Table.Th>
            {sortable('receivedDate', t('ui.cases.columns.receivedDate'), 110)}
            {sortable('nextDue', t('ui.cases.columns.nextDue'), 185)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && <tr style={{ height: before }} aria-hidden />}
          {items.map((item) => {
            const row = cache.row(item.index);
            return row ? <CaseRow key={row.id} row={row} /> : <PlaceholderRow key={`p${item.index}`} />;
          })}
          {after > 0 && <tr style={{ height: after }} aria-hidden />}
        </Table.Tbody>
      </Table>
      {count === 0 && !cache.loading && (
        <Text c="dimmed" ta="center" py="xl" data-testid="empty-state">
          {t('ui.cases.register.empty')}
        </Text>
      )}
    </Box>
  );
}

/** Memoised: scrolling re-renders the table, but a row already shown has nothing new to draw. */
const CaseRow = memo(function CaseRow({ row }: { row: CaseSummary }) {
  const { t } = useTranslation();
  const href = routeHref({ name: 'case', id: row.id });
  const cell = { style: { whiteSpace: 'nowrap' as const, overflow: 'hidden', textOverflow: 'ellipsis' } };
  return (
    <Table.Tr
      style={{ height: ROW_HEIGHT, cursor: 'pointer' }}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('a')) navigate({ name: 'case', id: row.id });
      }}
      data-testid="case-row"
      data-light={row.light ?? 'none'}
    >
      <Table.Td {...cell}>
        <Anchor href={href} size="sm" fw={500} ff="monospace">
          {row.number}
        </Anchor>
      </Table.Td>
      <Table.Td {...cell} title={row.title}>
        {row.title}
      </Table.Td>
      <Table.Td {...cell}>{row.subjectNames}</Table.Td>
      <Table.Td>
        <StageBadge stage={row.stage} outcome={row.outcome} />
      </Table.Td>
      <Table.Td {...cell}>{row.unitName}</Table.Td>
      <Table.Td {...cell}>{row.departmentName ?? t('ui.common.none')}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.receivedDate}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Group gap={6} wrap="nowrap">
          {row.light && <LightBadge light={row.light} size="xs" />}
          <Text size="sm">{row.nextDue ?? (row.light === 'unknown' ? caseLabel(t, 'light', 'unknown') : t('ui.common.none'))}</Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
});

function PlaceholderRow() {
  return (
    <Table.Tr style={{ height: ROW_HEIGHT }}>
      <Table.Td colSpan={COLUMNS}>
        <Box h={12} w="40%" bg="gray.1" style={{ borderRadius: 4 }} />
      </Table.Td>
    </Table.Tr>
  );
}

function SortHeader({ label, active, descending, onClick }: { label: string; active: boolean; descending: boolean; onClick: () => void }) {
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <UnstyledButton onClick={onClick} fw={700} fz="sm">
      <Group gap={4} wrap="nowrap">
        {label}
        <Icon size={14} />
      </Group>
    </UnstyledButton>
  );
}
