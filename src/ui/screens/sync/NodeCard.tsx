import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityFile } from '../../../shared/api/sync';
import { ErrorState, LoadingState } from '../../components/QueryStatus';
import type { QueryState } from '../../data/use-query';
import { downloadText } from '../../download';
import { notifySuccess } from '../../errors';
import { Facts, UnitName } from './Facts';
import { Fingerprint } from './Fingerprint';
import { identityFileName } from './fingerprint';
import { NodeUnitEditor } from './NodeUnitEditor';
import { SUITE_LABEL } from './suite-label';

/**
 * This node: what another office's administrator needs to add it as a peer, and (sync.manage)
 * the unit it works for.
 */
export function NodeCard({ identity, manage }: { identity: QueryState<IdentityFile>; manage: boolean }) {
  const { t } = useTranslation();
  const [editingUnit, setEditingUnit] = useState(false);

  let body;
  if (identity.error && !identity.data) body = <ErrorState error={identity.error} onRetry={identity.reload} />;
  else if (!identity.data) body = <LoadingState />;
  else {
    const node = identity.data;
    body = (
      <Stack gap="xs">
        <Facts
          rows={[
            { label: t('ui.sync.node.nodeId'), value: <Text size="sm" ff="monospace">{node.nodeId}</Text>, testId: 'node-id' },
            {
              label: t('ui.sync.node.unit'),
              value: editingUnit ? (
                <NodeUnitEditor
                  node={node}
                  onSaved={() => {
                    setEditingUnit(false);
                    identity.reload();
                  }}
                />
              ) : (
                <Group gap="xs">
                  <UnitName name={node.unitName} code={node.unitCode} />
                  {manage && (
                    <Anchor component="button" size="xs" onClick={() => setEditingUnit(true)} data-testid="node-unit-change">
                      {t('ui.sync.node.unitChange')}
                    </Anchor>
                  )}
                </Group>
              ),
              testId: 'node-unit',
            },
            { label: t('ui.sync.node.suite'), value: t(SUITE_LABEL[node.suite]) },
            { label: t('ui.sync.node.fingerprint'), value: <Fingerprint value={node.fingerprint} testId="node-fingerprint" /> },
          ]}
        />
        <Text size="xs" c="dimmed">
          {t('ui.sync.node.fingerprintHint')}
        </Text>
      </Stack>
    );
  }

  function download() {
    if (!identity.data) return;
    const file = identityFileName(identity.data);
    downloadText(file, `${JSON.stringify(identity.data, null, 2)}\n`, 'application/json');
    notifySuccess(t('ui.sync.node.downloaded', { file }));
  }

  return (
    <Paper withBorder p="sm" data-testid="sync-node">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('ui.sync.node.title')}
        </Title>
        <Button size="xs" variant="light" leftSection={<IconDownload size={16} />} disabled={!identity.data} onClick={download} data-testid="identity-download">
          {t('ui.sync.node.download')}
        </Button>
      </Group>
      {body}
    </Paper>
  );
}
