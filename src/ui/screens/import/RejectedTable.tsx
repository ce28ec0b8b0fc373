import { Button, Group, ScrollArea, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RejectedRow } from '../../../shared/api/registry';
import { notifyError } from '../../errors';
import { reasonText } from './rejected-csv';

/**
 * The rows an import refused, one line per reason, with a button that saves them as a file to
 * fix and import again. For every import: people and welfare datasets.
 */
export function RejectedTable({
  rows,
  title,
  downloadLabel,
  fieldLabel,
  onDownload,
}: {
  rows: RejectedRow[];
  title: string;
  downloadLabel: string;
  /** the field as the user knows it */
  fieldLabel: (field: string) => string;
  /** saves every rejected row (more than the table may list) */
  onDownload: () => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState(false);

  async function download() {
    setDownloading(true);
    try {
      await onDownload();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <>
      <Group justify="space-between">
        <Text fw={600}>{title}</Text>
        <Button size="xs" variant="light" leftSection={<IconDownload size={16} />} loading={downloading} onClick={() => void download()} data-testid="download-rejected">
          {downloadLabel}
        </Button>
      </Group>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table striped verticalSpacing={4} stickyHeader data-testid="rejected-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('ui.peopleImport.columns.row')}</Table.Th>
              <Table.Th w={160}>{t('ui.peopleImport.columns.field')}</Table.Th>
              <Table.Th>{t('ui.peopleImport.columns.reason')}</Table.Th>
              <Table.Th>{t('ui.peopleImport.columns.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={`${row.row}-${row.field}-${i}`} data-testid="rejected-row" data-row={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>{fieldLabel(row.field)}</Table.Td>
                <Table.Td>{reasonText(t, row)}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {row.details?.value ?? t('ui.common.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </>
  );
}
