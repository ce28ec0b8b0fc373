import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle, IconLogin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { describeError } from '../../errors';
import { forgetStatus } from '../../session/session-store';
import { useSession } from '../../session/use-session';
import { AuthLayout } from './AuthLayout';
import { PasswordInput } from '../../components/PasswordInput';

/** Username and password; the core's refusal (wrong password, locked, disabled) in words. */
export function LoginPage({ onRecover }: { onRecover: () => void }) {
  const { t } = useTranslation();
  const { ended } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!username.trim() || !password) {
      setError(t('ui.login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call(api.auth.login, { username: username.trim(), password });
      forgetStatus();
    } catch (failure) {
      setError(describeError(t, failure));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('ui.login.title')} testId="login-page">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {ended && !error && (
            <Alert color="yellow" icon={<IconInfoCircle />} data-testid="login-notice">
              {describeError(t, ended)}
            </Alert>
          )}
          {error && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="login-error">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('ui.login.username')}
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            data-autofocus
            autoFocus
          />
          <PasswordInput label={t('ui.login.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={busy} leftSection={<IconLogin size={18} />} mt="xs">
            {t('ui.login.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onRecover} ta="center">
            {t('ui.login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
