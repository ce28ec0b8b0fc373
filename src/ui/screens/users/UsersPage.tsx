import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { UserRow } from '../../../shared/api/auth';
import { call } from '../../bridge/client';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStatus';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery } from '../../data/use-query';
import { notifyError, notifySuccess } from '../../errors';
import { useCurrentUser } from '../../session/use-session';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { UsersTable, type UserAction } from './UsersTable';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'resetPassword'; user: UserRow };

/** The accounts: created, edited, disabled or enabled again — never deleted, the audit names them. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useQuery(() => call(api.users.list, {}), []);
  useDataChanged(users.reload);
  // the last dialog stays set while it closes, so that its title does not change on the way out
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [opened, setOpened] = useState(false);
  const show = (next: Dialog) => {
    setDialog(next);
    setOpened(true);
  };

  async function setDisabled(user: UserRow, disabled: boolean) {
    try {
      const updated = await call(api.users.setDisabled, { id: user.id, disabled });
      notifySuccess(t(disabled ? 'ui.users.disabled' : 'ui.users.enabled', { username: user.username }));
      users.reload();
      // disabling revokes the account's password in the core: enabled again, it needs a new one
      if (!disabled) show({ kind: 'resetPassword', user: updated });
    } catch (error) {
      notifyError(t, error);
    }
  }

  function onAction(action: UserAction, user: UserRow) {
    if (action === 'edit') show({ kind: 'edit', user });
    else if (action === 'resetPassword') show({ kind: 'resetPassword', user });
    else void setDisabled(user, action === 'disable');
  }

  let body;
  if (users.error && !users.data) body = <ErrorState error={users.error} onRetry={users.reload} />;
  else if (!users.data) body = <LoadingState />;
  else if (users.data.length === 0) body = <EmptyState message={t('ui.users.empty')} />;
  else body = <UsersTable rows={users.data} selfId={me.id} onAction={onAction} />;

  const close = () => setOpened(false);
  return (
    <Stack gap="md" data-testid="users-page">
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('ui.users.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('ui.users.intro')}
          </Text>
        </div>
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => show({ kind: 'create' })}>
          {t('ui.users.create')}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        {body}
      </Paper>
      <UserFormModal
        opened={opened && (dialog?.kind === 'create' || dialog?.kind === 'edit')}
        onClose={close}
        user={dialog?.kind === 'edit' ? dialog.user : null}
        onSaved={users.reload}
      />
      <ResetPasswordModal opened={opened && dialog?.kind === 'resetPassword'} onClose={close} user={dialog?.kind === 'resetPassword' ? dialog.user : null} onSaved={users.reload} />
    </Stack>
  );
}
