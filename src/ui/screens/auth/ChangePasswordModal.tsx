import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { FormModal, type FormModalControl } from '../../components/FormModal';
import { checkNewPassword, NewPasswordFields, type NewPasswordErrors } from '../../components/PasswordField';
import { asWireError, describeError, notifyError, notifySuccess } from '../../errors';
import { PasswordInput } from '../../components/PasswordInput';

interface Errors extends NewPasswordErrors {
  current?: string;
}

/** The logged-in user's own password: the current one, then the new one twice. */
export function ChangePasswordModal({ opened, onClose, username }: FormModalControl & { username: string }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  useEffect(() => {
    if (!opened) return;
    setCurrent('');
    setPassword('');
    setConfirm('');
    setErrors({});
  }, [opened]);

  function check(): boolean {
    const found: Errors = {};
    if (!current) found.current = t('ui.password.required');
    Object.assign(found, checkNewPassword(t, password, confirm));
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function submit() {
    try {
      await call(api.auth.changePassword, { currentPassword: current, newPassword: password });
      notifySuccess(t('ui.password.changed'));
      onClose();
    } catch (error) {
      const wire = asWireError(error);
      if (wire.code === 'AUTH_FAILED') setErrors({ current: t('ui.password.currentWrong') });
      else if (wire.code === 'PASSWORD_WEAK') setErrors({ password: describeError(t, wire) });
      else notifyError(t, wire);
    }
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('ui.password.changeTitle')} testId="change-password-form" validate={check} onSubmit={submit}>
      <PasswordInput
        label={t('ui.password.current')}
        required
        autoComplete="current-password"
        value={current}
        error={errors.current}
        onChange={(e) => setCurrent(e.currentTarget.value)}
        data-autofocus
      />
      <NewPasswordFields
        label={t('ui.password.new')}
        password={password}
        confirm={confirm}
        errors={errors}
        onPasswordChange={setPassword}
        onConfirmChange={setConfirm}
        username={username}
      />
    </FormModal>
  );
}
