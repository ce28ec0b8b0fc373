import { SimpleGrid, UnstyledButton } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconCalendarQuestion, IconInbox, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery } from '../../data/use-query';
import { useCan } from '../../session/use-session';
import { StatCard } from './StatCard';

/** The case alerts on the first screen, each leading to the board or the approval inbox. */
export function CaseAlertCards() {
  const { t } = useTranslation();
  const can = useCan();
  const counts = useQuery(() => call(api.cases.alertCounts, {}), []);
  useDataChanged(counts.reload);
  if (!counts.data) return null;
  const card = (testId: string, icon: Icon, label: string, value: number, href: string) => (
    <UnstyledButton component="a" href={href} key={testId}>
      <StatCard testId={testId} icon={icon} label={label} value={value} />
    </UnstyledButton>
  );
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} maw={1100} data-testid="case-alerts">
      {card('alert-red', IconAlertTriangle, t('ui.overview.casesRed'), counts.data.red, '#/case-board')}
      {card('alert-yellow', IconAlarm, t('ui.overview.casesYellow'), counts.data.yellow, '#/case-board')}
      {card('alert-unknown', IconCalendarQuestion, t('ui.overview.casesUnknown'), counts.data.unknown, can('cases.configure') ? '#/case-settings' : '#/case-board')}
      {can('cases.approve') && card('alert-approval', IconInbox, t('ui.overview.casesAwaitingMe'), counts.data.awaitingMyApproval, '#/case-inbox')}
    </SimpleGrid>
  );
}
