import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { Role } from '../../../shared/api/auth';
import { PERMISSIONS, type Permission } from '../../../shared/api/permissions';
import { call } from '../../bridge/client';
import { permissionLabel, roleLabel } from '../../components/role-label';
import { notifyError, notifySuccess } from '../../errors';

/**
 * What the administrator's role always keeps (the core adds them back anyway): without them
 * nobody could manage accounts or roles, with only the recovery key as a way back.
 */
const KEPT_BY_ADMINISTRATOR: readonly Permission[] = ['users.manage', 'roles.manage'];

function kept(roleCode: string, permission: Permission): boolean {
  return roleCode === 'administrator' && KEPT_BY_ADMINISTRATOR.includes(permission);
}

function sameSet(a: readonly Permission[], b: readonly Permission[]): boolean {
  return a.length === b.length && a.every((p) => b.includes(p));
}

/** One role: a box for each permission of the fixed list, saved for this role alone. */
export function RoleCard({ role, onSaved }: { role: Role; onSaved: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Permission[]>(role.permissions);
  const [saving, setSaving] = useState(false);
  useEffect(() => setChosen(role.permissions), [role.permissions]);

  const dirty = !sameSet(chosen, role.permissions);
  const name = roleLabel(t, role.code, role.name);

  async function save() {
    setSaving(true);
    try {
      // in the order of the contract's list, whatever order they were ticked in
      await call(api.roles.update, { id: role.id, permissions: PERMISSIONS.filter((p) => chosen.includes(p) || kept(role.code, p)) });
      notifySuccess(t('ui.roles.saved', { name }));
      onSaved();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="role-card" data-role-code={role.code}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={3} size="h5">
              {name}
            </Title>
            <Text size="xs" c="dimmed" ff="monospace">
              {role.code}
            </Text>
          </div>
          {role.builtin && (
            <Badge variant="light" color="gray" size="sm">
              {t('ui.roles.builtin')}
            </Badge>
          )}
        </Group>
        <Checkbox.Group value={chosen} onChange={(value) => setChosen(value as Permission[])} aria-label={name}>
          <Stack gap={6}>
            {PERMISSIONS.map((permission) => (
              <Checkbox
                key={permission}
                value={permission}
                label={permissionLabel(t, permission)}
                disabled={kept(role.code, permission) || saving}
                size="sm"
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {role.code === 'administrator' && (
          <Text size="xs" c="dimmed">
            {t('ui.roles.fixed')}
          </Text>
        )}
        <Group justify="space-between" mt="auto">
          <Button size="xs" variant="subtle" color="gray" disabled={!dirty || saving} onClick={() => setChosen(role.permissions)}>
            {t('ui.roles.undo')}
          </Button>
          <Button size="xs" leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty} loading={saving} onClick={() => void save()}>
            {t('ui.common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
