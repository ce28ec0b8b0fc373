import { Button, Checkbox, FileInput, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATASETS, type Dataset } from '../../../../shared/api/welfare';
import { welfareOptions } from '../shared/labels';
import { isBusy, startImport, useImportJob } from './import-job';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The dataset and the file to import, and whether to look at the column mapping first. */
export function ImportForm() {
  const { t } = useTranslation();
  const job = useImportJob();
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [review, setReview] = useState(false);
  const locked = isBusy(job) || job.step === 'mapping';

  function start() {
    if (!dataset || !file) return;
    startImport(dataset, file, review);
    // the next file is chosen afresh: the same file twice would only be refused as a duplicate
    setFile(null);
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text size="sm">{t('ui.welfare.import.intro')}</Text>
        <Group align="flex-end">
          <Select
            w={220}
            label={t('ui.welfare.import.dataset')}
            placeholder={t('ui.welfare.import.datasetPlaceholder')}
            data={welfareOptions(t, 'dataset', DATASETS)}
            maxDropdownHeight={320}
            allowDeselect={false}
            value={dataset}
            onChange={(v) => setDataset((v as Dataset | null) ?? null)}
            disabled={locked}
            data-testid="welfare-dataset"
          />
          <FileInput
            w={360}
            label={t('ui.welfare.import.file')}
            placeholder={t('ui.welfare.import.filePlaceholder')}
            accept={ACCEPT}
            leftSection={<IconFileSpreadsheet size={18} />}
            value={file}
            onChange={setFile}
            clearable
            disabled={locked}
            data-testid="welfare-file"
          />
          <Button leftSection={<IconUpload size={18} />} disabled={!dataset || !file || locked} onClick={start} data-testid="welfare-start">
            {t('ui.welfare.import.start')}
          </Button>
        </Group>
        <Checkbox
          label={t('ui.welfare.import.review')}
          checked={review}
          onChange={(e) => setReview(e.currentTarget.checked)}
          disabled={locked}
          data-testid="welfare-review"
        />
      </Stack>
    </Paper>
  );
}
