import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { UserRow } from '../../../shared/api/auth';
import { call } from '../../bridge/client';
import { FormModal, type FormModalControl } from '../../components/FormModal';
import { NewPasswordField } from '../../components/PasswordField';
import { asWireError, describeError, notifyError, notifySuccess } from '../../errors';

/** A new password set by the administrator; it also lifts a lock from failed logins. */
export function ResetPasswordModal({ opened, onClose, user, onSaved }: FormModalControl & { user: UserRow | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!opened) return;
    setPassword('');
    setError(undefined);
  }, [opened]);

  function check(): boolean {
    const missing = password ? undefined : t('ui.password.required');
    setError(missing);
    return !missing;
  }

  async function submit() {
    if (!user) return;
    try {
      await call(api.users.resetPassword, { id: user.id, password });
      notifySuccess(t('ui.users.passwordReset', { username: user.username }));
      onSaved();
      onClose();
    } catch (failure) {
      const wire = asWireError(failure);
      if (wire.code === 'PASSWORD_WEAK') setError(describeError(t, wire));
      else notifyError(t, wire);
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('ui.users.resetTitle', { username: user?.username ?? '' })}
      testId="reset-password-form"
      validate={check}
      onSubmit={submit}
    >
      <Text size="sm" c="dimmed">
        {t('ui.users.resetHint')}
      </Text>
      <NewPasswordField
        label={t('ui.password.new')}
        required
        value={password}
        error={error}
        onChange={(v) => {
          setPassword(v);
          setError(undefined);
        }}
        username={user?.username ?? ''}
        data-autofocus
      />
    </FormModal>
  );
}
