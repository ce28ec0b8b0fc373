import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../components/role-label';
import { notifyError } from '../errors';
import { ChangePasswordModal } from '../screens/auth/ChangePasswordModal';
import { logOut } from '../session/log-out';
import { useCurrentUser } from '../session/use-session';

/** Who is logged in (name, role, unit), with the password change and the log-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [changing, setChanging] = useState(false);
  const role = roleLabel(t, user.roleCode, user.roleName);
  return (
    <>
      <Menu position="bottom-end" width={220} withinPortal>
        <Menu.Target>
          <UnstyledButton data-testid="user-menu" aria-label={t('ui.userMenu.label', { name: user.displayName })}>
            <Group gap="xs" wrap="nowrap">
              <Avatar size={32} radius="xl" color="blue">
                {user.displayName.slice(0, 1)}
              </Avatar>
              <Stack gap={0}>
                <Text size="sm" fw={600} lh={1.2} data-testid="current-user-name">
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2} data-testid="current-user-role">
                  {t('ui.userMenu.roleAndUnit', { role, unit: user.unitName })}
                </Text>
              </Stack>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.username}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChanging(true)}>
            {t('ui.userMenu.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => void logOut().catch((error: unknown) => notifyError(t, error))}>
            {t('ui.userMenu.logOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={changing} onClose={() => setChanging(false)} username={user.username} />
    </>
  );
}
