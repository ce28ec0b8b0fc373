import { Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileUpload, IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { describeError } from '../../errors';
import { discardUpload, uploadFile } from '../welfare/import/upload';
import { BundleItemView, type BundleItem } from './BundleItemView';
import { applyOrder } from './sync-summary';

let nextKey = 0;

/**
 * Bundle files carried by hand: each is uploaded and previewed from its header, then applied
 * (checked whole and applied in one transaction by the core) or discarded.
 */
export function BundleImportCard({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<BundleItem[]>([]);
  const update = (key: number, next: BundleItem) => setItems((all) => all.map((item) => (item.key === key ? next : item)));

  // uploads still waiting for a decision are dropped when the screen is left
  const waiting = useRef(new Set<string>());
  useEffect(() => {
    const uploads = waiting.current;
    return () => uploads.forEach((uploadId) => discardUpload(uploadId));
  }, []);

  // emptied after each choice: the same file may be chosen again (to see that it was applied)
  const resetInput = useRef<() => void>(null);
  async function add(files: File[]) {
    resetInput.current?.();
    const added = files.map((file) => ({ key: nextKey++, fileName: file.name, step: 'uploading' as const, file }));
    setItems((all) => [...all, ...added.map(({ file: _file, ...item }) => item)]);
    for (const { key, fileName, file } of added) {
      let uploadId: string | null = null;
      try {
        uploadId = (await uploadFile(file, () => undefined)).uploadId;
        const preview = await call(api.sync.previewBundle, { uploadId });
        waiting.current.add(uploadId);
        update(key, { key, fileName, step: 'ready', uploadId, preview });
      } catch (error) {
        if (uploadId) discardUpload(uploadId);
        update(key, { key, fileName, step: 'refused', preview: null, message: describeError(t, error) });
      }
    }
  }

  async function apply(item: Extract<BundleItem, { step: 'ready' }>) {
    update(item.key, { ...item, step: 'applying' });
    // the core removes the upload whatever the outcome
    waiting.current.delete(item.uploadId);
    try {
      const result = await call(api.sync.importBundle, { uploadId: item.uploadId });
      update(item.key, { key: item.key, fileName: item.fileName, step: 'applied', preview: item.preview, result });
      onImported();
    } catch (error) {
      update(item.key, { key: item.key, fileName: item.fileName, step: 'refused', preview: item.preview, message: describeError(t, error) });
    }
  }

  function discard(item: Extract<BundleItem, { step: 'ready' }>) {
    waiting.current.delete(item.uploadId);
    discardUpload(item.uploadId);
    update(item.key, { key: item.key, fileName: item.fileName, step: 'discarded', preview: item.preview });
  }

  async function applyAll() {
    const ready = items.filter((item): item is Extract<BundleItem, { step: 'ready' }> => item.step === 'ready');
    for (const item of applyOrder(ready)) await apply(item);
  }

  const readyCount = items.filter((item) => item.step === 'ready').length;
  return (
    <Paper withBorder p="sm" data-testid="sync-import">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={3} size="h5">
            {t('ui.sync.import.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('ui.sync.import.intro')}
          </Text>
        </div>
        <Group gap="xs">
          {readyCount > 1 && (
            <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={() => void applyAll()} data-testid="bundle-apply-all">
              {t('ui.sync.import.applyAll')}
            </Button>
          )}
          <FileButton multiple accept=".zjb" resetRef={resetInput} onChange={(files) => void add(files)} inputProps={{ 'data-testid': 'bundle-input' } as object}>
            {(props) => (
              <Button {...props} size="xs" leftSection={<IconFileUpload size={16} />}>
                {t('ui.sync.import.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      {items.length > 0 && (
        <Stack gap="xs">
          {items.map((item) => (
            <BundleItemView key={item.key} item={item} onApply={apply} onDiscard={discard} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
