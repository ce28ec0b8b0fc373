import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../../shared/api/welfare';
import { welfareLabel } from '../shared/labels';
import { evidenceLines } from './evidence-fields';

/** The records the hit rests on: each dataset's row as imported, with the file and row it came from. */
export function EvidenceCard({ evidence }: { evidence: EvidenceRecord[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="hit-evidence">
      <Text fw={600} mb="sm">
        {t('ui.welfare.hit.evidence', { count: evidence.length })}
      </Text>
      <Stack gap="sm">
        {evidence.map((record) => (
          <Paper key={`${record.batchId}:${record.row}`} withBorder p="sm" bg="gray.0" data-testid="evidence-record" data-dataset={record.dataset} data-row={record.row}>
            <Group gap="xs" mb={6}>
              <Badge variant="light">{welfareLabel(t, 'dataset', record.dataset)}</Badge>
              <Text size="sm" c="dimmed">
                {t('ui.welfare.hit.evidenceSource', { fileName: record.fileName, row: record.row })}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing={4} verticalSpacing={2}>
              {evidenceLines(record.dataset, record.fields).map((line) => (
                <Text key={line.key} size="sm" data-field={line.key}>
                  <Text span c="dimmed" size="sm">
                    {t('ui.welfare.hit.fieldValue', { field: line.asWritten ? t('ui.welfare.hit.asWritten', { field: line.label }) : line.label })}
                  </Text>
                  {line.value}
                  {line.invalid && (
                    <Text span c="red" size="xs" ml={4}>
                      {t('ui.welfare.hit.invalidId')}
                    </Text>
                  )}
                </Text>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
