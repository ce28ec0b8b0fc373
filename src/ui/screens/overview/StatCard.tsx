import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function StatCard({ icon: IconComponent, label, value, testId }: { icon: Icon; label: string; value: number; testId?: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group wrap="nowrap">
        <ThemeIcon size={44} radius="md" variant="light">
          <IconComponent size={26} />
        </ThemeIcon>
        <div>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text fz={28} fw={700} lh={1.2} data-testid={testId ? `${testId}-value` : undefined}>
            {value.toLocaleString(i18n.language)}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
