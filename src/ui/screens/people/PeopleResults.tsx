import { Box, Group, LoadingOverlay, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStatus';
import { PeopleTable } from './PeopleTable';
import { PAGE_SIZE, usePeopleSearch, type PeopleSearch } from './use-people-search';

interface Props extends PeopleSearch {
  onPageChange: (page: number) => void;
  compact?: boolean;
  /** shown when nothing matches */
  emptyMessage: string;
}

/** A search's result with its loading, error, empty and paged states. */
export function PeopleResults({ onPageChange, compact, emptyMessage, ...search }: Props) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = usePeopleSearch(search);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <LoadingState />;
  if (data.total === 0) return <EmptyState message={emptyMessage} />;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  return (
    <Stack gap="sm">
      <Box pos="relative">
        {/* the previous page stays visible under a veil while the next one loads */}
        <LoadingOverlay visible={loading} zIndex={10} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
        <PeopleTable rows={data.rows} compact={compact} />
      </Box>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="people-total">
          {t('ui.common.pageOf', { page: search.page, pages, total: data.total })}
        </Text>
        {pages > 1 && <Pagination size="sm" total={pages} value={search.page} onChange={onPageChange} />}
      </Group>
    </Stack>
  );
}
