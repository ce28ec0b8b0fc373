import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HitStatus } from '../../../../shared/api/welfare';
import { STATUS_COLORS, welfareLabel } from './labels';

export function StatusBadge({ status, ...props }: { status: HitStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} data-testid="hit-status" data-status={status} {...props}>
      {welfareLabel(t, 'status', status)}
    </Badge>
  );
}
