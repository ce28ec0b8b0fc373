import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportResult, BundlePreviewInfo } from '../../../shared/api/sync';
import { formatDateTime } from '../../format';
import { importOutcome, previewProblems } from './sync-summary';

/** One chosen bundle file, from its upload to its outcome. */
export type BundleItem = { key: number; fileName: string } & (
  | { step: 'uploading' }
  | { step: 'ready'; uploadId: string; preview: BundlePreviewInfo }
  | { step: 'applying'; uploadId: string; preview: BundlePreviewInfo }
  | { step: 'applied'; preview: BundlePreviewInfo; result: BundleImportResult }
  | { step: 'refused'; preview: BundlePreviewInfo | null; message: string }
  | { step: 'discarded'; preview: BundlePreviewInfo }
);

type Ready = Extract<BundleItem, { step: 'ready' }>;

export function BundleItemView({ item, onApply, onDiscard }: { item: BundleItem; onApply: (item: Ready) => void; onDiscard: (item: Ready) => void }) {
  const { t } = useTranslation();
  const preview = item.step === 'uploading' ? null : item.preview;
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="bundle-item" data-step={item.step}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600} ff="monospace" style={{ wordBreak: 'break-all' }}>
            {item.fileName}
          </Text>
          {item.step === 'ready' && (
            <Group gap={6} wrap="nowrap">
              <Button size="compact-sm" variant="default" onClick={() => onDiscard(item)} data-testid="bundle-discard">
                {t('ui.sync.import.discard')}
              </Button>
              <Button size="compact-sm" onClick={() => onApply(item)} data-testid="bundle-apply">
                {t('ui.sync.import.apply')}
              </Button>
            </Group>
          )}
          {(item.step === 'uploading' || item.step === 'applying') && <Loader size="xs" />}
        </Group>
        {item.step === 'uploading' && (
          <Text size="sm" c="dimmed">
            {t('ui.sync.import.uploading')}
          </Text>
        )}
        {preview && <PreviewFacts preview={preview} />}
        {item.step === 'applied' && <Outcome result={item.result} />}
        {item.step === 'refused' && (
          <Alert color="red" icon={<IconAlertCircle />} title={t('ui.sync.import.refused')} data-testid="bundle-refused">
            {item.message}
          </Alert>
        )}
        {item.step === 'discarded' && (
          <Text size="sm" c="dimmed" data-testid="bundle-discarded">
            {t('ui.sync.import.discarded')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** What the file's header says it holds, and any reason it will be refused. */
function PreviewFacts({ preview }: { preview: BundlePreviewInfo }) {
  const { t } = useTranslation();
  const problems = previewProblems(preview);
  const sender = preview.senderName ?? t('ui.sync.import.senderUnknown');
  return (
    <Stack gap={4} data-testid="bundle-preview">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" verticalSpacing={2}>
        <Fact label={t('ui.sync.import.sender')} testId="bundle-sender">
          {sender}
          <Text span size="xs" c="dimmed" ff="monospace">
            {' '}
            {preview.senderUnitCode}
          </Text>
        </Fact>
        <Fact label={t('ui.sync.import.createdAt')}>{formatDateTime(preview.createdAt)}</Fact>
        <Fact label={t('ui.sync.import.contents')} testId="bundle-counts">
          {t('ui.sync.import.counts', { operations: preview.operations, audit: preview.audit })}
        </Fact>
        <Fact label={t('ui.sync.import.senderState')}>
          <Group gap={4}>
            <Badge size="sm" variant="light" color={preview.senderState === 'active' ? 'green' : 'red'} data-testid="bundle-sender-state">
              {preview.senderState === 'unknown' ? t('ui.sync.import.senderUnknown') : t(`sync.peerState.${preview.senderState}`)}
            </Badge>
            <Badge size="sm" variant="light" color={preview.forThisNode ? 'green' : 'red'} data-testid="bundle-for-us">
              {t('ui.sync.import.forThisNode')}: {t(preview.forThisNode ? 'ui.sync.import.yes' : 'ui.sync.import.no')}
            </Badge>
          </Group>
        </Fact>
      </SimpleGrid>
      {problems.map((problem) => (
        <Text key={problem} size="sm" c="red.8" data-testid="bundle-problem">
          {t(`ui.sync.import.problem.${problem}`)}
        </Text>
      ))}
      {preview.alreadyApplied && (
        <Text size="sm" c="dimmed" data-testid="bundle-already-applied">
          <IconInfoCircle size={14} style={{ verticalAlign: 'middle' }} /> {t('ui.sync.import.alreadyApplied')}
        </Text>
      )}
    </Stack>
  );
}

function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function Outcome({ result }: { result: BundleImportResult }) {
  const { t } = useTranslation();
  const outcome = importOutcome(result);
  return (
    <Alert color={outcome === 'applied' ? 'green' : 'gray'} icon={<IconCircleCheck />} data-testid="bundle-result" data-outcome={outcome}>
      {t(`ui.sync.import.${outcome}`, { applied: result.applied, duplicates: result.duplicates, deferred: result.deferred, audit: result.audit })}
    </Alert>
  );
}
