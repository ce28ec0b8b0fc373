import { Anchor, Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseClock, DueChange } from '../../../../shared/api/cases';
import { caseLabel } from '../shared/labels';
import { LightBadge } from '../shared/LightBadge';

/** Every clock of the case: its light, due date (or the year the calendar lacks), pauses, extensions and history. */
export function ClocksCard({ clocks }: { clocks: CaseClock[] }) {
  const { t } = useTranslation();
  if (clocks.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        {t('ui.cases.clocks.title')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} data-testid="case-clocks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.cases.clocks.kind')}</Table.Th>
              <Table.Th>{t('ui.cases.clocks.light')}</Table.Th>
              <Table.Th>{t('ui.cases.clocks.start')}</Table.Th>
              <Table.Th>{t('ui.cases.clocks.due')}</Table.Th>
              <Table.Th>{t('ui.cases.clocks.state')}</Table.Th>
              <Table.Th>{t('ui.cases.clocks.history')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clocks.map((clock) => (
              <Table.Tr key={`${clock.kind}-${clock.startDate}`} data-testid="case-clock" data-kind={clock.kind} data-light={clock.light}>
                <Table.Td>{caseLabel(t, 'clock', clock.kind)}</Table.Td>
                <Table.Td>
                  <LightBadge light={clock.light} />
                </Table.Td>
                <Table.Td>{clock.startDate}</Table.Td>
                <Table.Td data-testid="clock-due">
                  {clock.due ?? (
                    <Anchor href="#/case-settings" size="sm" c="dimmed">
                      {t('ui.cases.clocks.unknownYear', { year: clock.unknownYear ?? '' })}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <ClockState clock={clock} />
                </Table.Td>
                <Table.Td>
                  <History history={clock.history} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ClockState({ clock }: { clock: CaseClock }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {clock.closedDate && <Text size="sm">{t('ui.cases.clocks.closedOn', { date: clock.closedDate })}</Text>}
      {clock.pausedSince && (
        <Badge color="gray" variant="light" size="sm">
          {t('ui.cases.clocks.pausedSince', { date: clock.pausedSince })}
        </Badge>
      )}
      {clock.pauseReason && (
        <Text size="xs" c="dimmed">
          {clock.pauseReason}
        </Text>
      )}
      {clock.extensions > 0 && <Text size="sm">{t('ui.cases.clocks.extensions', { count: clock.extensions })}</Text>}
      {!clock.closedDate && !clock.pausedSince && clock.extensions === 0 && <Text size="sm">{t('ui.common.none')}</Text>}
    </Stack>
  );
}

function History({ history }: { history: DueChange[] }) {
  const { t } = useTranslation();
  if (history.length <= 1) return <Text size="sm">{t('ui.common.none')}</Text>;
  return (
    <Stack gap={0}>
      {history.map((change, i) => (
        <Text key={i} size="xs">
          {t(`ui.cases.clocks.change.${change.reason}`, { date: change.date, due: change.due ?? t('ui.cases.clocks.dueUnknown') })}
        </Text>
      ))}
    </Stack>
  );
}
