import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { checkNewPassword, NewPasswordFields, type NewPasswordErrors } from '../../components/PasswordField';
import { asWireError, describeError, notifySuccess } from '../../errors';
import { forgetStatus } from '../../session/session-store';
import { AuthForm, AuthLink } from './AuthForm';
import { AuthLayout } from './AuthLayout';

interface Errors extends NewPasswordErrors {
  recoveryKey?: string;
}

/** The administrator's way back in with the recovery key shown at the first start. */
export function RecoveryPage({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const found: Errors = {};
    if (recoveryKey.trim().length < 10) found.recoveryKey = t('ui.recovery.keyRequired');
    Object.assign(found, checkNewPassword(t, password, confirm));
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await call(api.auth.recover, { recoveryKey: recoveryKey.trim(), newPassword: password });
      notifySuccess(t('ui.recovery.done'));
      forgetStatus();
    } catch (error) {
      const wire = asWireError(error);
      if (wire.code === 'RECOVERY_KEY_INVALID') setErrors({ recoveryKey: describeError(t, wire) });
      else if (wire.code === 'PASSWORD_WEAK') setErrors({ password: describeError(t, wire) });
      else setFailure(describeError(t, wire));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('ui.recovery.title')} width={480} testId="recovery-page">
      <Text size="sm">{t('ui.recovery.intro')}</Text>
      <AuthForm
        onSubmit={submit}
        failure={failure}
        submitLabel={t('ui.recovery.submit')}
        busy={busy}
        footer={<AuthLink onClick={onBack}>{t('ui.recovery.back')}</AuthLink>}
      >
        <Textarea
          label={t('ui.recovery.key')}
          required
          autosize
          minRows={2}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={recoveryKey}
          error={errors.recoveryKey}
          onChange={(e) => setRecoveryKey(e.currentTarget.value)}
          data-autofocus
        />
        <NewPasswordFields
          label={t('ui.recovery.newPassword')}
          password={password}
          confirm={confirm}
          errors={errors}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          username=""
        />
      </AuthForm>
    </AuthLayout>
  );
}
