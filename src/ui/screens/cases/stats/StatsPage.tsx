import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { CountRow } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import type { CaseRoute } from '../../../case-routes';
import { ErrorState, LoadingState } from '../../../components/QueryStatus';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { downloadBase64 } from '../../../download';
import { notifyError } from '../../../errors';
import { navigate } from '../../../routing';
import { isIsoDate, type CaseVocabulary } from '../shared/labels';

type StatsRoute = Extract<CaseRoute, { name: 'caseStats' }>;

/** 统计分析: counts by source, stage, disposal, unit, month and sanction, for a period; XLSX export. */
export function StatsPage({ route }: { route: StatsRoute }) {
  const { t } = useTranslation();
  const period = { from: route.from, to: route.to };
  const stats = useQuery(() => call(api.cases.statistics, period), [route.from, route.to]);
  useDataChanged(stats.reload);
  const [exporting, setExporting] = useState(false);
  const setDate = (key: 'from' | 'to', value: string) => {
    if (value === '' || isIsoDate(value)) navigate({ ...route, [key]: value || null }, { replace: true });
  };

  async function exportXlsx() {
    setExporting(true);
    try {
      const file = await call(api.cases.exportStatistics, period);
      downloadBase64(file.fileName, file.contentBase64);
    } catch (error) {
      notifyError(t, error);
    } finally {
      setExporting(false);
    }
  }

  const data = stats.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('ui.cases.stats.title')}</Title>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} loading={exporting} onClick={() => void exportXlsx()} data-testid="stats-export">
          {t('ui.cases.stats.export')}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <TextInput type="date" label={t('ui.cases.stats.from')} value={route.from ?? ''} onChange={(e) => setDate('from', e.currentTarget.value)} data-testid="stats-from" />
          <TextInput type="date" label={t('ui.cases.stats.to')} value={route.to ?? ''} onChange={(e) => setDate('to', e.currentTarget.value)} data-testid="stats-to" />
          {data && (
            <Text size="sm" data-testid="stats-opened">
              {t('ui.cases.stats.opened', { count: data.casesOpened })}
            </Text>
          )}
        </Group>
      </Paper>
      {stats.error && !data ? (
        <ErrorState error={stats.error} onRetry={stats.reload} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <Chart title={t('ui.cases.stats.bySource')} rows={data.bySource} vocabulary="source" />
          <Chart title={t('ui.cases.stats.byStage')} rows={data.byStage} vocabulary="stage" />
          <Chart title={t('ui.cases.stats.byDisposal')} rows={data.byDisposal} vocabulary="action" />
          <Chart title={t('ui.cases.stats.sanctionsByKind')} rows={data.sanctionsByKind} vocabulary="sanction" />
          <Chart title={t('ui.cases.stats.byUnit')} rows={data.byUnit} />
          <Chart title={t('ui.cases.stats.byMonth')} rows={data.byMonth} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** One count table as horizontal bars; codes the vocabulary knows are shown in the user's language. */
function Chart({ title, rows, vocabulary }: { title: string; rows: CountRow[]; vocabulary?: CaseVocabulary }) {
  const { t } = useTranslation();
  const data = rows.map((row) => ({
    label: vocabulary ? t(`cases.${vocabulary}.${row.key}`, { defaultValue: row.label }) : row.label,
    count: row.count,
  }));
  return (
    <Paper withBorder p="md" data-testid="stats-chart">
      <Text fw={600} mb="sm">
        {title}
      </Text>
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('ui.cases.stats.none')}
        </Text>
      ) : (
        <BarChart
          h={Math.max(160, data.length * 28 + 40)}
          data={data}
          dataKey="label"
          orientation="vertical"
          yAxisProps={{ width: 130 }}
          series={[{ name: 'count', label: t('ui.cases.stats.count'), color: 'indigo.6' }]}
          withBarValueLabel
        />
      )}
    </Paper>
  );
}
