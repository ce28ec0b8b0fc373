import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { WelfareSettings } from '../../../../shared/api/welfare';
import { call } from '../../../bridge/client';
import { ErrorState, LoadingState } from '../../../components/QueryStatus';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { notifyError, notifySuccess } from '../../../errors';

type ListKey = { [K in keyof WelfareSettings]: WelfareSettings[K] extends string[] ? K : never }[keyof WelfareSettings];
type NumberKey = { [K in keyof WelfareSettings]: WelfareSettings[K] extends number ? K : never }[keyof WelfareSettings];

// literal keys, so that the translation check sees each of them
const LISTS: { key: ListKey; label: string; hint: string }[] = [
  { key: 'officialCategories', label: 'ui.welfare.settings.officialCategories', hint: 'ui.welfare.settings.officialCategoriesHint' },
  { key: 'cadreCategories', label: 'ui.welfare.settings.cadreCategories', hint: 'ui.welfare.settings.cadreCategoriesHint' },
  { key: 'exemptVehicleTypes', label: 'ui.welfare.settings.exemptVehicleTypes', hint: 'ui.welfare.settings.exemptVehicleTypesHint' },
  { key: 'commercialPropertyUses', label: 'ui.welfare.settings.commercialPropertyUses', hint: 'ui.welfare.settings.commercialPropertyUsesHint' },
  { key: 'businessRoles', label: 'ui.welfare.settings.businessRoles', hint: 'ui.welfare.settings.businessRolesHint' },
  { key: 'activeBusinessStatuses', label: 'ui.welfare.settings.activeBusinessStatuses', hint: 'ui.welfare.settings.activeBusinessStatusesHint' },
];

const NUMBERS: { key: NumberKey; label: string; hint: string; min: number; max: number; step?: number; decimals?: number }[] = [
  { key: 'minHomes', label: 'ui.welfare.settings.minHomes', hint: 'ui.welfare.settings.minHomesHint', min: 2, max: 20 },
  { key: 'sharedAccountMinIds', label: 'ui.welfare.settings.sharedAccountMinIds', hint: 'ui.welfare.settings.sharedAccountMinIdsHint', min: 2, max: 100 },
  { key: 'fuzzyConfidence', label: 'ui.welfare.settings.fuzzyConfidence', hint: 'ui.welfare.settings.fuzzyConfidenceHint', min: 0.01, max: 0.99, step: 0.05, decimals: 2 },
];

/** 比对设置: the lists and thresholds the rules read; the next run uses them. */
export function WelfareSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(() => call(api.welfare.settings, {}), []);
  useDataChanged(settings.reload);
  return (
    <Stack gap="md">
      <Title order={2}>{t('ui.welfare.settings.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('ui.welfare.settings.intro')}
      </Text>
      {settings.error && !settings.data ? (
        <ErrorState error={settings.error} onRetry={settings.reload} />
      ) : !settings.data ? (
        <LoadingState />
      ) : (
        <SettingsForm settings={settings.data} onSaved={settings.reload} />
      )}
    </Stack>
  );
}

function SettingsForm({ settings, onSaved }: { settings: WelfareSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(settings);
  const [saving, setSaving] = useState(false);
  useEffect(() => setValues(settings), [settings]);

  async function save() {
    setSaving(true);
    try {
      await call(api.welfare.updateSettings, values);
      notifySuccess(t('ui.common.saved'));
      onSaved();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="md" data-testid="welfare-settings">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {LISTS.map(({ key, label, hint }) => (
            <TagsInput
              key={key}
              label={t(label)}
              description={t(hint)}
              value={values[key]}
              onChange={(list) => setValues((v) => ({ ...v, [key]: list }))}
              clearable
              data-testid={`settings-${key}`}
            />
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {NUMBERS.map(({ key, label, hint, min, max, step, decimals }) => (
            <NumberInput
              key={key}
              label={t(label)}
              description={t(hint)}
              min={min}
              max={max}
              step={step ?? 1}
              decimalScale={decimals ?? 0}
              allowDecimal={decimals !== undefined}
              value={values[key]}
              onChange={(v) => typeof v === 'number' && Number.isFinite(v) && setValues((s) => ({ ...s, [key]: v }))}
              data-testid={`settings-${key}`}
            />
          ))}
        </SimpleGrid>
      </Paper>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setValues(settings)} disabled={saving}>
          {t('ui.welfare.settings.revert')}
        </Button>
        <Button onClick={() => void save()} loading={saving} data-testid="welfare-settings-save">
          {t('ui.common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
