import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { ACTIONS, CLOCK_KINDS, LIMIT_UNITS, type Action, type ClockKind, type ClockLimit, type LimitUnit, type WorkflowSettings } from '../../../shared/api/cases';
import { ROLE_CODES, type RoleCode } from '../../../shared/api/permissions';
import { call } from '../../bridge/client';
import { roleLabel } from '../../components/role-label';
import { notifyError, notifySuccess } from '../../errors';
import { caseLabel, caseOptions } from '../cases/shared/labels';

const NONE = 'none';
const num = (value: string | number, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** The limits of every clock, the yellow window and the approver of each action, as one form. */
export function WorkflowSettingsForm({ settings, onSaved }: { settings: WorkflowSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(settings);
  const [saving, setSaving] = useState(false);
  useEffect(() => setValues(settings), [settings]);

  const setLimit = (kind: ClockKind, over: Partial<ClockLimit>) => setValues((v) => ({ ...v, limits: { ...v.limits, [kind]: { ...v.limits[kind], ...over } } }));
  const setApprover = (action: Action, role: RoleCode | null) =>
    setValues((v) => {
      const approvers = { ...v.approvers };
      if (role) approvers[action] = role;
      else delete approvers[action];
      return { ...v, approvers };
    });
  const units = caseOptions(t, 'limitUnit', LIMIT_UNITS);
  const roles = ROLE_CODES.map((code) => ({ value: code, label: roleLabel(t, code, code) }));

  async function save() {
    setSaving(true);
    try {
      await call(api.cases.updateSettings, values);
      notifySuccess(t('ui.common.saved'));
      onSaved();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="md" data-testid="workflow-settings">
      <Paper withBorder p="md">
        <NumberInput
          label={t('ui.settings.cases.yellowWorkingDays')}
          description={t('ui.settings.cases.yellowHint')}
          min={0}
          max={60}
          maw={320}
          value={values.yellowWorkingDays}
          onChange={(v) => setValues((s) => ({ ...s, yellowWorkingDays: num(v, s.yellowWorkingDays) }))}
          data-testid="settings-yellow"
        />
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {t('ui.settings.cases.limits')}
        </Text>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing={4} data-testid="settings-limits">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ui.cases.clocks.kind')}</Table.Th>
                <Table.Th>{t('ui.settings.cases.limit')}</Table.Th>
                <Table.Th>{t('ui.settings.cases.extension')}</Table.Th>
                <Table.Th>{t('ui.settings.cases.maxExtensions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CLOCK_KINDS.map((kind) => {
                const limit = values.limits[kind];
                return (
                  <Table.Tr key={kind} data-testid="settings-limit" data-kind={kind}>
                    <Table.Td>{caseLabel(t, 'clock', kind)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <NumberInput size="xs" w={80} min={1} max={1000} value={limit.n} onChange={(v) => setLimit(kind, { n: num(v, limit.n) })} aria-label={t('ui.settings.cases.limit')} />
                        <Select size="xs" w={120} data={units} value={limit.unit} onChange={(v) => v && setLimit(kind, { unit: v as LimitUnit })} aria-label={t('ui.settings.cases.unit')} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Select
                          size="xs"
                          w={120}
                          data={[{ value: NONE, label: t('ui.settings.cases.noExtension') }, ...units]}
                          value={limit.extension?.unit ?? NONE}
                          onChange={(v) =>
                            setLimit(kind, v && v !== NONE ? { extension: { unit: v as LimitUnit, n: limit.extension?.n ?? 1 }, maxExtensions: Math.max(1, limit.maxExtensions) } : { extension: null, maxExtensions: 0 })
                          }
                          aria-label={t('ui.settings.cases.extension')}
                        />
                        {limit.extension && (
                          <NumberInput size="xs" w={80} min={1} max={1000} value={limit.extension.n} onChange={(v) => setLimit(kind, { extension: { ...limit.extension!, n: num(v, limit.extension!.n) } })} aria-label={t('ui.settings.cases.extensionN')} />
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput size="xs" w={80} min={0} max={10} disabled={!limit.extension} value={limit.maxExtensions} onChange={(v) => setLimit(kind, { maxExtensions: num(v, limit.maxExtensions) })} aria-label={t('ui.settings.cases.maxExtensions')} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600}>{t('ui.settings.cases.approvers')}</Text>
        <Text size="sm" c="dimmed" mb="xs">
          {t('ui.settings.cases.approversHint')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="xs" data-testid="settings-approvers">
          {ACTIONS.map((action) => (
            <Select
              key={action}
              size="xs"
              label={caseLabel(t, 'action', action)}
              placeholder={t('ui.settings.cases.noApproval')}
              clearable
              data={roles}
              value={values.approvers[action] ?? null}
              onChange={(v) => setApprover(action, (v as RoleCode | null) ?? null)}
            />
          ))}
        </SimpleGrid>
      </Paper>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setValues(settings)} disabled={saving}>
          {t('ui.settings.cases.revert')}
        </Button>
        <Button onClick={() => void save()} loading={saving} data-testid="settings-save">
          {t('ui.common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
