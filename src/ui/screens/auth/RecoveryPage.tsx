import { Alert, Anchor, Button, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { NewPasswordField } from '../../components/PasswordField';
import { asWireError, describeError, notifySuccess } from '../../errors';
import { forgetStatus } from '../../session/session-store';
import { AuthLayout } from './AuthLayout';
import { PasswordInput } from '../../components/PasswordInput';

interface Errors {
  recoveryKey?: string;
  password?: string;
  confirm?: string;
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
    if (!password) found.password = t('ui.password.required');
    else if (confirm !== password) found.confirm = t('ui.password.mismatch');
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
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {failure && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {failure}
            </Alert>
          )}
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
          <NewPasswordField
            label={t('ui.recovery.newPassword')}
            required
            value={password}
            error={errors.password}
            onChange={setPassword}
            username=""
          />
          <PasswordInput
            label={t('ui.password.confirm')}
            required
            autoComplete="new-password"
            value={confirm}
            error={errors.confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy} mt="xs">
            {t('ui.recovery.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onBack} ta="center">
            {t('ui.recovery.back')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
