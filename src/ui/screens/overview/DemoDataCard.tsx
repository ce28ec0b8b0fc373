import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { notifyError, notifySuccess } from '../../errors';

/** How a new user meets the demo: an empty database offers to fill itself with fictional data. */
export function DemoDataCard({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);

  async function load() {
    setLoading(true);
    try {
      const result = await call(api.system.loadDemo, {});
      notifySuccess(t('ui.overview.demoLoaded', { units: result.units, people: result.people }));
      onLoaded();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setLoading(false);
    }
  }

  return (
    <Alert color="blue" title={t('ui.overview.emptyTitle')} maw={640} data-testid="demo-offer">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('ui.overview.emptyBody')}</Text>
        <Button leftSection={<IconDatabaseImport size={18} />} loading={loading} onClick={() => void load()}>
          {t('ui.overview.loadDemo')}
        </Button>
      </Stack>
    </Alert>
  );
}
