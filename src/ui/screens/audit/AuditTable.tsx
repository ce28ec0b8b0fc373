import { Code, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/api/auth';
import { formatDateTime } from '../../format';
import { rowsText, summaryText } from './audit-text';

export function AuditTable({ rows }: { rows: AuditEntry[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing={6} data-testid="audit-table" style={{ tableLayout: 'fixed' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70} ta="right">
              {t('ui.audit.columns.seq')}
            </Table.Th>
            <Table.Th w={170}>{t('ui.audit.columns.at')}</Table.Th>
            <Table.Th w={120}>{t('ui.audit.columns.actor')}</Table.Th>
            <Table.Th w={180}>{t('ui.audit.columns.procedure')}</Table.Th>
            <Table.Th w={90} ta="right">
              {t('ui.audit.columns.rows')}
            </Table.Th>
            <Table.Th>{t('ui.audit.columns.summary')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((entry) => {
            const summary = summaryText(entry.summary);
            return (
              <Table.Tr key={entry.seq} data-testid="audit-row" data-seq={entry.seq}>
                <Table.Td ta="right" ff="monospace">
                  {entry.seq}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td ff="monospace">{entry.actor}</Table.Td>
                <Table.Td>
                  <Code>{entry.procedure}</Code>
                </Table.Td>
                <Table.Td ta="right">
                  <Tooltip label={rowsText(entry.rows)} disabled={entry.rows.length === 0} multiline maw={360}>
                    <span>{entry.rows.length}</span>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" truncate="end" title={summary}>
                    {summary || t('ui.common.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
