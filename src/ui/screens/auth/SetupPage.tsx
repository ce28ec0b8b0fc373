import { Alert, Button, Checkbox, Divider, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { NewPasswordField } from '../../components/PasswordField';
import { asWireError, describeError } from '../../errors';
import { forgetStatus } from '../../session/session-store';
import { AuthLayout } from './AuthLayout';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { SETUP_DEFAULTS, validateSetup, type SetupErrors, type SetupValues } from './setup-form';
import { PasswordInput } from '../../components/PasswordInput';

/**
 * The first start: the administrator's account and the root unit. The core then encrypts the
 * new database and hands back the recovery key, which is shown once before going on.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const [values, setValues] = useState<SetupValues>(SETUP_DEFAULTS);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const set = <K extends keyof SetupValues>(key: K, value: SetupValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit() {
    const found = validateSetup(t, values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const result = await call(api.auth.setup, {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        org: { code: values.orgCode.trim(), name: values.orgName.trim() },
        demo: values.demo,
      });
      setRecoveryKey(result.recoveryKey);
    } catch (error) {
      const wire = asWireError(error);
      if (wire.code === 'SETUP_DONE') forgetStatus();
      else if (wire.code === 'PASSWORD_WEAK') setErrors({ password: describeError(t, wire) });
      else setFailure(describeError(t, wire));
    } finally {
      setBusy(false);
    }
  }

  if (recoveryKey) return <RecoveryKeyStep recoveryKey={recoveryKey} onDone={forgetStatus} />;
  return (
    <AuthLayout title={t('ui.setup.title')} width={560} testId="setup-page">
      <Text size="sm">{t('ui.setup.intro')}</Text>
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
          <SimpleGrid cols={2}>
            <TextInput
              label={t('ui.account.username')}
              description={t('ui.account.usernameHint')}
              required
              autoComplete="username"
              value={values.username}
              error={errors.username}
              onChange={(e) => set('username', e.currentTarget.value)}
            />
            <TextInput
              label={t('ui.account.displayName')}
              description={t('ui.account.displayNameHint')}
              required
              value={values.displayName}
              error={errors.displayName}
              onChange={(e) => set('displayName', e.currentTarget.value)}
              data-autofocus
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <NewPasswordField
              label={t('ui.password.new')}
              required
              value={values.password}
              error={errors.password}
              onChange={(v) => set('password', v)}
              username={values.username}
              testId="setup-password"
            />
            <PasswordInput
              label={t('ui.password.confirm')}
              required
              autoComplete="new-password"
              value={values.confirm}
              error={errors.confirm}
              onChange={(e) => set('confirm', e.currentTarget.value)}
              style={{ alignSelf: 'flex-start' }}
            />
          </SimpleGrid>
          <Divider label={t('ui.setup.orgSection')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('ui.setup.orgCode')}
              description={t('ui.setup.orgCodeHint')}
              required
              value={values.orgCode}
              error={errors.orgCode}
              onChange={(e) => set('orgCode', e.currentTarget.value)}
            />
            <TextInput
              label={t('ui.setup.orgName')}
              required
              value={values.orgName}
              error={errors.orgName}
              onChange={(e) => set('orgName', e.currentTarget.value)}
              style={{ alignSelf: 'flex-end' }}
            />
          </SimpleGrid>
          <Checkbox
            label={t('ui.setup.demo')}
            description={t('ui.setup.demoHint')}
            checked={values.demo}
            onChange={(e) => set('demo', e.currentTarget.checked)}
          />
          <Button type="submit" loading={busy} mt="xs">
            {t('ui.setup.submit')}
          </Button>
          {busy && values.demo && (
            <Text size="xs" c="dimmed" ta="center">
              {t('ui.setup.demoWait')}
            </Text>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
