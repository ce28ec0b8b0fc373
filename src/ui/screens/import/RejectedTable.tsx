import { Button, Group, ScrollArea, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RejectedRow } from '../../../shared/api/registry';
import { enumLabel } from '../../components/enum-label';
import { downloadText, reasonText, rejectedRowsCsv } from './rejected-csv';

export function RejectedTable({ rows, fileName }: { rows: RejectedRow[]; fileName: string }) {
  const { t } = useTranslation();
  const none = t('ui.common.none');
  const baseName = fileName.replace(/\.[^.]+$/, '');
  return (
    <>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('ui.peopleImport.rejectedTitle')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={16} />}
          onClick={() => downloadText(t('ui.peopleImport.rejectedFileName', { fileName: baseName }), rejectedRowsCsv(t, rows))}
          data-testid="download-rejected"
        >
          {t('ui.peopleImport.downloadRejected')}
        </Button>
      </Group>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table striped verticalSpacing={4} stickyHeader data-testid="rejected-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('ui.peopleImport.columns.row')}</Table.Th>
              <Table.Th w={140}>{t('ui.peopleImport.columns.field')}</Table.Th>
              <Table.Th>{t('ui.peopleImport.columns.reason')}</Table.Th>
              <Table.Th>{t('ui.peopleImport.columns.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={`${row.row}-${row.field}-${i}`} data-testid="rejected-row" data-row={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>{enumLabel(t, 'importField', row.field)}</Table.Td>
                <Table.Td>{reasonText(t, row)}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {row.details?.value ?? none}
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
