import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelayState } from '../../../shared/api/sync';

const COLOR: Record<RelayState, string> = { online: 'green', offline: 'orange', disabled: 'gray' };

/** The relay's state, as the sync screen and the status bar show it. */
export function RelayBadge({ state, size = 'md' }: { state: RelayState; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    // never squeezed by the text beside it: a cut word is no state
    <Badge color={COLOR[state]} variant="light" size={size} style={{ flexShrink: 0 }} data-testid="relay-state" data-state={state}>
      {t(`ui.sync.relay.${state}`)}
    </Badge>
  );
}
