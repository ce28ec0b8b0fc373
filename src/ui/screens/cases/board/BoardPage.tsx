import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarQuestion, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { STAGES, type Stage } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import type { CaseRoute } from '../../../case-routes';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStatus';
import { UnitSelect } from '../../../components/UnitSelect';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { useUnits } from '../../../data/units-context';
import { downloadBase64 } from '../../../download';
import { notifyError } from '../../../errors';
import { navigate, routeHref } from '../../../routing';
import { useCan } from '../../../session/use-session';
import { caseLabel, caseOptions } from '../shared/labels';
import { LightBadge } from '../shared/LightBadge';

type BoardRoute = Extract<CaseRoute, { name: 'caseBoard' }>;

/** 时限预警: the red and yellow clocks in the user's scope, filtered, with the weekly digest. */
export function BoardPage({ route }: { route: BoardRoute }) {
  const { t } = useTranslation();
  const can = useCan();
  const { index } = useUnits();
  const filter = { departmentId: route.departmentId, countyId: route.countyId, stage: route.stage };
  const board = useQuery(() => call(api.cases.board, filter), [route.departmentId, route.countyId, route.stage]);
  useDataChanged(board.reload);
  const [exporting, setExporting] = useState(false);
  const counties = useMemo(() => index.units.filter((u) => u.kind === 'county').map((u) => ({ value: u.id, label: u.name })), [index]);
  const update = (over: Partial<BoardRoute>) => navigate({ ...route, ...over }, { replace: true });

  async function exportDigest() {
    setExporting(true);
    try {
      const file = await call(api.cases.exportDigest, filter);
      downloadBase64(file.fileName, file.contentBase64);
    } catch (error) {
      notifyError(t, error);
    } finally {
      setExporting(false);
    }
  }

  const data = board.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('ui.cases.board.title')}</Title>
          {data && (
            <>
              <Badge color="red" size="lg" data-testid="board-red">
                {t('ui.cases.board.red', { count: data.counts.red })}
              </Badge>
              <Badge color="yellow" size="lg" data-testid="board-yellow">
                {t('ui.cases.board.yellow', { count: data.counts.yellow })}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('ui.cases.board.today', { date: data.today })}
              </Text>
            </>
          )}
        </Group>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} loading={exporting} onClick={() => void exportDigest()} data-testid="board-digest">
          {t('ui.cases.board.digest')}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <Group grow align="flex-end">
          <UnitSelect label={t('ui.cases.columns.department')} placeholder={t('ui.cases.register.all')} value={route.departmentId} onChange={(departmentId) => update({ departmentId })} data-testid="board-department" />
          <Select label={t('ui.cases.board.county')} placeholder={t('ui.cases.register.all')} clearable searchable data={counties} value={route.countyId} onChange={(countyId) => update({ countyId })} data-testid="board-county" />
          <Select label={t('ui.cases.columns.stage')} placeholder={t('ui.cases.register.all')} clearable data={caseOptions(t, 'stage', STAGES)} value={route.stage} onChange={(v) => update({ stage: (v as Stage | null) ?? null })} data-testid="board-stage" />
        </Group>
      </Paper>
      {data && data.unknown.count > 0 && (
        <Alert color="gray" icon={<IconCalendarQuestion />} title={t('ui.cases.board.unknownTitle', { count: data.unknown.count })} data-testid="board-unknown">
          <Text size="sm">{t('ui.cases.board.unknownBody', { years: data.unknown.years.join('、') })}</Text>
          {can('cases.configure') && (
            <Anchor href="#/case-settings" size="sm">
              {t('ui.cases.board.unknownLink')}
            </Anchor>
          )}
        </Alert>
      )}
      <Paper withBorder p="sm">
        {board.error && !data ? (
          <ErrorState error={board.error} onRetry={board.reload} />
        ) : !data ? (
          <LoadingState />
        ) : data.rows.length === 0 ? (
          <EmptyState message={t('ui.cases.board.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            {data.rows.length < data.counts.red + data.counts.yellow && (
              <Text size="sm" c="dimmed" mb="xs" data-testid="board-shown">
                {t('ui.cases.board.shown', { shown: data.rows.length, total: data.counts.red + data.counts.yellow })}
              </Text>
            )}
            <Table striped verticalSpacing={6} data-testid="board-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ui.cases.clocks.light')}</Table.Th>
                  <Table.Th>{t('ui.cases.columns.number')}</Table.Th>
                  <Table.Th>{t('ui.cases.columns.title')}</Table.Th>
                  <Table.Th>{t('ui.cases.columns.stage')}</Table.Th>
                  <Table.Th>{t('ui.cases.columns.unit')}</Table.Th>
                  <Table.Th>{t('ui.cases.columns.department')}</Table.Th>
                  <Table.Th>{t('ui.cases.clocks.kind')}</Table.Th>
                  <Table.Th>{t('ui.cases.clocks.due')}</Table.Th>
                  <Table.Th>{t('ui.cases.board.workingDays')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row) => (
                  <Table.Tr key={`${row.caseId}-${row.clock}`} data-testid="board-row" data-light={row.light} data-clock={row.clock}>
                    <Table.Td>
                      <LightBadge light={row.light} size="xs" />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor href={routeHref({ name: 'case', id: row.caseId })} ff="monospace" size="sm">
                        {row.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.title}</Table.Td>
                    <Table.Td>{caseLabel(t, 'stage', row.stage)}</Table.Td>
                    <Table.Td>{row.unitName}</Table.Td>
                    <Table.Td>{row.departmentName ?? t('ui.common.none')}</Table.Td>
                    <Table.Td>{caseLabel(t, 'clock', row.clock)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.due}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={row.light === 'red' ? 'red' : undefined} fw={500}>
                        {t(row.light === 'red' ? 'ui.cases.board.overdueBy' : 'ui.cases.board.left', { count: row.workingDays })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
