import { ActionIcon, Menu, Table, VisuallyHidden } from '@mantine/core';
import { IconDots, IconKey, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/api/auth';
import { roleLabel } from '../../components/role-label';
import { formatDateTime, isFuture } from '../../format';
import { UserStatusBadge } from './UserStatusBadge';

export type UserAction = 'edit' | 'resetPassword' | 'disable' | 'enable';

interface Props {
  rows: UserRow[];
  /** the logged-in administrator: they may not disable themselves from here */
  selfId: string;
  onAction: (action: UserAction, user: UserRow) => void;
}

/** Every account, with what a lockout needs: failed attempts since the last login and the lock. */
export function UsersTable({ rows, selfId, onAction }: Props) {
  const { t } = useTranslation();
  const none = t('ui.common.none');
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing={6} data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.users.columns.username')}</Table.Th>
            <Table.Th>{t('ui.users.columns.displayName')}</Table.Th>
            <Table.Th>{t('ui.users.columns.unit')}</Table.Th>
            <Table.Th>{t('ui.users.columns.role')}</Table.Th>
            <Table.Th>{t('ui.users.columns.status')}</Table.Th>
            <Table.Th ta="right">{t('ui.users.columns.failedAttempts')}</Table.Th>
            <Table.Th>{t('ui.users.columns.lockedUntil')}</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>{t('ui.users.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row" data-username={user.username}>
              <Table.Td ff="monospace">{user.username}</Table.Td>
              <Table.Td>{user.displayName}</Table.Td>
              <Table.Td>{user.unitName}</Table.Td>
              <Table.Td>{roleLabel(t, user.roleCode, user.roleName)}</Table.Td>
              <Table.Td>
                <UserStatusBadge user={user} />
              </Table.Td>
              <Table.Td ta="right" data-testid="user-failed-attempts" c={user.failedAttempts > 0 ? 'red.7' : undefined} fw={user.failedAttempts > 0 ? 600 : undefined}>
                {user.failedAttempts}
              </Table.Td>
              <Table.Td data-testid="user-locked-until">
                {isFuture(user.lockedUntil) && user.lockedUntil ? formatDateTime(user.lockedUntil, { seconds: false }) : none}
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('ui.users.actionsFor', { username: user.username })}>
                      <IconDots size={18} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onAction('edit', user)}>
                      {t('ui.users.edit')}
                    </Menu.Item>
                    <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onAction('resetPassword', user)}>
                      {t('ui.users.resetPassword')}
                    </Menu.Item>
                    {user.disabled ? (
                      <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onAction('enable', user)}>
                        {t('ui.users.enable')}
                      </Menu.Item>
                    ) : (
                      <Menu.Item
                        leftSection={<IconUserOff size={16} />}
                        color="red"
                        disabled={user.id === selfId}
                        onClick={() => onAction('disable', user)}
                      >
                        {t('ui.users.disable')}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
