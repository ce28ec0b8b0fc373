import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconHistory } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATASET_FIELDS } from '../../../../shared/api/welfare';
import { welfareLabel } from '../shared/labels';
import { chooseSheet, confirmMapping, resetImport, type ImportJob } from './import-job';
import { completeMapping, missingFields, samplesOf, type DraftMapping } from './mapping';

type MappingJob = Extract<ImportJob, { step: 'mapping' }>;

/**
 * One row per field of the dataset with a choice among the file's columns, each column shown
 * with the first values under it; the core remembers the choice for the next file with this header.
 */
export function MappingStep({ job }: { job: MappingJob }) {
  const { t } = useTranslation();
  const { inspection } = job;
  const fields = DATASET_FIELDS[job.dataset];
  const [draft, setDraft] = useState<DraftMapping>(() => ({ ...inspection.mapping }));
  const missing = missingFields(fields, draft);
  const columns = useMemo(
    () => inspection.headers.map((header, i) => ({ value: String(i), label: header.trim() ? header : t('ui.welfare.mapping.columnN', { n: i + 1 }) })),
    [inspection.headers, t],
  );

  return (
    <Paper withBorder p="md" data-testid="mapping-step" data-remembered={inspection.remembered}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('ui.welfare.mapping.title', { fileName: job.fileName, dataset: welfareLabel(t, 'dataset', job.dataset) })}
          </Title>
          {inspection.remembered && (
            <Badge variant="light" color="teal" leftSection={<IconHistory size={14} />} data-testid="mapping-remembered">
              {t('ui.welfare.mapping.remembered')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('ui.welfare.mapping.intro')}
        </Text>
        {inspection.format === 'xlsx' && inspection.sheets.length > 1 && (
          <Select
            w={260}
            label={t('ui.welfare.mapping.sheet')}
            data={inspection.sheets}
            value={job.sheet ?? inspection.sheets[0] ?? null}
            onChange={(sheet) => sheet && chooseSheet(sheet)}
            allowDeselect={false}
            data-testid="mapping-sheet"
          />
        )}
        {inspection.missing.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle />} data-testid="mapping-missing">
            {t('ui.welfare.mapping.missing', { fields: inspection.missing.map((key) => fields.find((f) => f.key === key)?.label ?? key).join('、') })}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={4} data-testid="mapping-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={220}>{t('ui.welfare.mapping.field')}</Table.Th>
                <Table.Th w={260}>{t('ui.welfare.mapping.column')}</Table.Th>
                <Table.Th>{t('ui.welfare.mapping.sample')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => {
                const column = draft[field.key];
                const unmapped = field.required && column === undefined;
                return (
                  <Table.Tr key={field.key} data-testid="mapping-row" data-field={field.key} data-required={field.required}>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {field.label}
                        </Text>
                        {field.required && (
                          <Text span c="red" size="sm" aria-label={t('ui.welfare.mapping.required')}>
                            {t('ui.welfare.mapping.requiredMark')}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed" ff="monospace">
                          {field.key}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        data={columns}
                        value={column === undefined ? null : String(column)}
                        onChange={(v) =>
                          setDraft((d) => {
                            const next = { ...d };
                            if (v === null) delete next[field.key];
                            else next[field.key] = Number(v);
                            return next;
                          })
                        }
                        clearable
                        searchable
                        placeholder={t('ui.welfare.mapping.notMapped')}
                        error={unmapped}
                        aria-label={field.label}
                        comboboxProps={{ withinPortal: true }}
                        data-testid="mapping-select"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" lineClamp={1} data-testid="mapping-sample">
                        {column === undefined ? t('ui.common.none') : samplesOf(inspection.sample, column).join(t('ui.welfare.mapping.sampleSeparator'))}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {missing.length > 0 && (
          <Text size="sm" c="red" data-testid="mapping-incomplete">
            {t('ui.welfare.mapping.incomplete', { fields: missing.map((f) => f.label).join('、') })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={resetImport}>
            {t('ui.common.cancel')}
          </Button>
          <Button disabled={missing.length > 0} onClick={() => confirmMapping(completeMapping(draft))} data-testid="mapping-confirm">
            {t('ui.welfare.mapping.confirm')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
