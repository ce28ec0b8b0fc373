import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BatchList } from './BatchList';
import { ImportForm } from './ImportForm';
import { useImportJob } from './import-job';
import { JobView } from './JobView';

/** 数据导入: a dataset's file uploaded, checked, mapped and imported; below, every batch so far. */
export function WelfareImportPage() {
  const { t } = useTranslation();
  const job = useImportJob();
  return (
    <Stack gap="md">
      <Title order={2}>{t('ui.welfare.import.title')}</Title>
      <ImportForm />
      <JobView job={job} />
      <BatchList />
    </Stack>
  );
}
