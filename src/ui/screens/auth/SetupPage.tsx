import { Checkbox, Divider, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { NewPasswordFields } from '../../components/PasswordField';
import { useFormValues } from '../../components/use-form-values';
import { asWireError, describeError } from '../../errors';
import { forgetStatus } from '../../session/session-store';
import { AuthForm } from './AuthForm';
import { AuthLayout } from './AuthLayout';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { SETUP_DEFAULTS, validateSetup, type SetupValues } from './setup-form';

/**
 * The first start: the administrator's account and the root unit. The core then encrypts the
 * new database and hands back the recovery key, which is shown once before going on.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const { values, errors, setErrors, set } = useFormValues<SetupValues>(SETUP_DEFAULTS);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

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
      <AuthForm
        onSubmit={submit}
        failure={failure}
        submitLabel={t('ui.setup.submit')}
        busy={busy}
        footer={
          busy &&
          values.demo && (
            <Text size="xs" c="dimmed" ta="center">
              {t('ui.setup.demoWait')}
            </Text>
          )
        }
      >
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
        <NewPasswordFields
          label={t('ui.password.new')}
          password={values.password}
          confirm={values.confirm}
          errors={errors}
          onPasswordChange={(v) => set('password', v)}
          onConfirmChange={(v) => set('confirm', v)}
          username={values.username}
          testId="setup-password"
          columns
        />
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
      </AuthForm>
    </AuthLayout>
  );
}
