import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../shared/api/registry';

const COLORS: Record<UnitKind, string> = {
  city: 'red',
  county: 'orange',
  township: 'blue',
  village: 'teal',
  department: 'grape',
  resident_group: 'violet',
};

export function KindBadge({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="light" tt="none" color={COLORS[kind]} style={{ flexShrink: 0 }}>
      {t(`ui.unitKind.${kind}`)}
    </Badge>
  );
}
