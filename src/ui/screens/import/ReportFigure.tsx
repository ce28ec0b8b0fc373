import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One count of an import's report: rows read, kept, refused. */
export function ReportFigure({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} c={color} data-testid={`${testId}-value`} data-value={value}>
        {value.toLocaleString(i18n.language)}
      </Text>
    </Paper>
  );
}
