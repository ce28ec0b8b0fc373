import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { HitDocument } from '../../../../shared/api/welfare';
import { call } from '../../../bridge/client';
import { downloadBase64 } from '../../../download';
import { notifyError } from '../../../errors';
import { formatBytes, formatDateTime } from '../../../format';

/** The county's attachments to its findings; opening one is audited by the core. */
export function HitDocuments({ hitId, documents }: { hitId: string; documents: HitDocument[] }) {
  const { t } = useTranslation();
  const [opening, setOpening] = useState<string | null>(null);

  async function open(doc: HitDocument) {
    setOpening(doc.id);
    try {
      const file = await call(api.welfare.getDocument, { hitId, documentId: doc.id });
      downloadBase64(file.fileName, file.contentBase64, 'application/octet-stream');
    } catch (error) {
      notifyError(t, error);
    } finally {
      setOpening(null);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="hit-documents">
      <Text fw={600} mb="xs">
        {t('ui.welfare.hit.documents')}
      </Text>
      {documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.welfare.hit.noDocuments')}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {documents.map((doc) => (
              <Table.Tr key={doc.id} data-testid="hit-document">
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => void open(doc)} disabled={opening === doc.id}>
                    {doc.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(doc.size)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{doc.addedByName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(doc.addedAt, { seconds: false })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
