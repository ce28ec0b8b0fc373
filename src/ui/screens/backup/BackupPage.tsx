import { Alert, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDatabaseExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { BackupInfo } from '../../../shared/api/auth';
import { call } from '../../bridge/client';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStatus';
import { useQuery } from '../../data/use-query';
import { notifyError } from '../../errors';
import { formatBytes, formatDateTime } from '../../format';

/** A copy of the database made on request, and the copies made so far. */
export function BackupPage() {
  const { t } = useTranslation();
  const list = useQuery(() => call(api.backup.list, {}), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<BackupInfo | null>(null);

  async function create() {
    setCreating(true);
    try {
      setCreated(await call(api.backup.create, {}));
      list.reload();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setCreating(false);
    }
  }

  const backups = [...(list.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  let body;
  if (list.error && !list.data) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <LoadingState />;
  else if (backups.length === 0) body = <EmptyState message={t('ui.backup.empty')} />;
  else
    body = (
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={6} data-testid="backup-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.backup.columns.createdAt')}</Table.Th>
              <Table.Th>{t('ui.backup.columns.file')}</Table.Th>
              <Table.Th ta="right">{t('ui.backup.columns.size')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((backup) => (
              <Table.Tr key={backup.file} data-testid="backup-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(backup.createdAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {backup.file}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatBytes(backup.bytes)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="md" data-testid="backup-page">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('ui.backup.title')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('ui.backup.intro')}
          </Text>
        </div>
        <Button leftSection={<IconDatabaseExport size={18} />} loading={creating} onClick={() => void create()}>
          {t('ui.backup.create')}
        </Button>
      </Group>
      {created && (
        <Alert color="green" icon={<IconCircleCheck />} title={t('ui.backup.createdTitle')} data-testid="backup-created">
          <Stack gap={4}>
            <Text size="sm">{t('ui.backup.createdBody', { size: formatBytes(created.bytes), at: formatDateTime(created.createdAt) })}</Text>
            <Code block data-testid="backup-created-file" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {created.file}
            </Code>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="sm">
          {t('ui.backup.listTitle')}
        </Title>
        {body}
      </Paper>
    </Stack>
  );
}
