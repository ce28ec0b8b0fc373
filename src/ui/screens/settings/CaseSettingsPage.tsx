import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { ErrorState, LoadingState } from '../../components/QueryStatus';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery } from '../../data/use-query';
import { CalendarYearsCard } from './CalendarYearsCard';
import { WorkflowSettingsForm } from './WorkflowSettingsForm';

/** 办案设置: the workflow's limits and approvers, and the holiday calendar the deadlines count on. */
export function CaseSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(() => call(api.cases.settings, {}), []);
  useDataChanged(settings.reload);
  return (
    <Stack gap="md">
      <Title order={2}>{t('ui.settings.cases.title')}</Title>
      <Tabs defaultValue="calendar" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="calendar" data-testid="settings-tab-calendar">
            {t('ui.settings.calendar.title')}
          </Tabs.Tab>
          <Tabs.Tab value="workflow" data-testid="settings-tab-workflow">
            {t('ui.settings.cases.workflow')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calendar">
          <CalendarYearsCard />
        </Tabs.Panel>
        <Tabs.Panel value="workflow">
          {settings.error && !settings.data ? (
            <ErrorState error={settings.error} onRetry={settings.reload} />
          ) : !settings.data ? (
            <LoadingState />
          ) : (
            <WorkflowSettingsForm settings={settings.data} onSaved={settings.reload} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
