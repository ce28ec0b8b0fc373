import { Anchor, Button, FileButton, Group, Paper, Table, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { CaseDetail, CaseDocument } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import { downloadBase64 } from '../../../download';
import { notifyError } from '../../../errors';
import { formatBytes, formatDateTime } from '../../../format';
import { useCan } from '../../../session/use-session';
import { readAsBase64 } from '../../import/file-base64';
import type { useCaseMutation } from './use-case-mutation';

/** 20 MB, as the contract takes them. */
const MAX_BYTES = 20 * 1024 * 1024;

/** Documents filed with the case (kept inside the encrypted database); opening one is audited. */
export function DocumentsCard({ detail, mutate }: { detail: CaseDetail; mutate: ReturnType<typeof useCaseMutation> }) {
  const { t } = useTranslation();
  const can = useCan();
  const [uploading, setUploading] = useState(false);
  const [opening, setOpening] = useState<string | null>(null);
  const mayAttach = can('cases.handle') && !detail.mergedInto;
  if (detail.documents.length === 0 && !mayAttach) return null;

  async function attach(file: File | null) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      notifyError(t, { code: 'INVALID_INPUT', messageKey: 'ui.cases.documents.tooLarge', details: { name: file.name } });
      return;
    }
    setUploading(true);
    const contentBase64 = await readAsBase64(file);
    await mutate(() => call(api.cases.attach, { caseId: detail.id, fileName: file.name, contentBase64 }), t('ui.cases.documents.attached', { name: file.name }), { notify: true });
    setUploading(false);
  }

  async function open(doc: CaseDocument) {
    setOpening(doc.id);
    try {
      const file = await call(api.cases.document, { id: doc.id });
      downloadBase64(file.fileName, file.contentBase64, 'application/octet-stream');
    } catch (error) {
      notifyError(t, error);
    } finally {
      setOpening(null);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="case-documents">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('ui.cases.documents.title')}</Text>
        {mayAttach && (
          <FileButton onChange={(file) => void attach(file)}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={uploading} data-testid="document-attach">
                {t('ui.cases.documents.attach')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {detail.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.cases.documents.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {detail.documents.map((doc) => (
              <Table.Tr key={doc.id} data-testid="case-document">
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => void open(doc)} disabled={opening === doc.id}>
                    {doc.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(doc.size)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(doc.addedAt, { seconds: false })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
