import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Light } from '../../../../shared/api/cases';
import { caseLabel, LIGHT_COLORS } from './labels';

/** A clock's light as a coloured badge; `data-light` lets tests read it whatever the language. */
export function LightBadge({ light, size = 'sm' }: { light: Light; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={LIGHT_COLORS[light]} variant={light === 'unknown' ? 'outline' : 'filled'} size={size} data-light={light} data-testid="light-badge">
      {caseLabel(t, 'light', light)}
    </Badge>
  );
}
