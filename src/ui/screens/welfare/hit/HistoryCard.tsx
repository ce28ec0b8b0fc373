import { Paper, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HitEntry } from '../../../../shared/api/welfare';
import { useUnits } from '../../../data/units-context';
import { formatDateTime } from '../../../format';
import { formatYuan } from '../shared/money';
import { welfareLabel } from '../shared/labels';

function entryTitle(t: TFunction, entry: HitEntry, unitName: (id: string | null) => string): string {
  switch (entry.kind) {
    case 'found':
      return t('ui.welfare.hit.entry.found');
    case 'assigned':
      return t('ui.welfare.hit.entry.assigned', { unit: unitName(entry.unitId) });
    case 'finding':
      return t('ui.welfare.hit.entry.finding', { finding: welfareLabel(t, 'finding', entry.finding) });
    case 'handed_over':
      return t('ui.welfare.hit.entry.handedOver');
  }
}

/** What happened to the hit, oldest first: found, sent to a county, its findings, its hand-over. */
export function HistoryCard({ history }: { history: HitEntry[] }) {
  const { t } = useTranslation();
  const { index } = useUnits();
  const unitName = (id: string | null) => (id ? (index.byId.get(id)?.name ?? id) : t('ui.common.none'));
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="sm">
        {t('ui.welfare.hit.history')}
      </Text>
      <Timeline bulletSize={14} lineWidth={2} active={history.length - 1} data-testid="hit-history">
        {history.map((entry) => (
          <Timeline.Item key={entry.id} title={entryTitle(t, entry, unitName)} data-testid="hit-entry" data-kind={entry.kind} data-finding={entry.finding ?? ''}>
            <Text size="xs" c="dimmed">
              {t('ui.welfare.hit.byAt', { name: entry.byName, at: formatDateTime(entry.at, { seconds: false }) })}
            </Text>
            {entry.reason && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {entry.reason}
              </Text>
            )}
            {entry.recoverableFen !== null && (
              <Text size="sm">{t('ui.welfare.hit.recoverableEntry', { amount: formatYuan(entry.recoverableFen) })}</Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
