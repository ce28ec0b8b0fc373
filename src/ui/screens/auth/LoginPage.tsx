import { Alert, TextInput } from '@mantine/core';
import { IconInfoCircle, IconLogin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { describeError } from '../../errors';
import { forgetStatus } from '../../session/session-store';
import { useSession } from '../../session/use-session';
import { AuthForm, AuthLink } from './AuthForm';
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
      <AuthForm
        onSubmit={submit}
        failure={error}
        failureTestId="login-error"
        submitLabel={t('ui.login.submit')}
        submitIcon={<IconLogin size={18} />}
        busy={busy}
        footer={<AuthLink onClick={onRecover}>{t('ui.login.forgot')}</AuthLink>}
      >
        {/* shown only while there is no error, so it stands where the error would */}
        {ended && !error && (
          <Alert color="yellow" icon={<IconInfoCircle />} data-testid="login-notice">
            {describeError(t, ended)}
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
      </AuthForm>
    </AuthLayout>
  );
}
