import { Alert, Button, Checkbox, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from './AuthLayout';

/**
 * The recovery key, shown this once: it is the only way back in if the administrator's password
 * is lost, so going on needs the user to say they have stored it.
 */
export function RecoveryKeyStep({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <AuthLayout title={t('ui.recoveryKey.title')} width={560} testId="recovery-key-step">
      <Alert color="orange" icon={<IconAlertTriangle />}>
        {t('ui.recoveryKey.warning')}
      </Alert>
      <Stack gap={6}>
        <Code block fz="md" data-testid="recovery-key" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', letterSpacing: '0.05em' }}>
          {recoveryKey}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={recoveryKey} timeout={2000}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="light"
                color={copied ? 'green' : 'blue'}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? t('ui.recoveryKey.copied') : t('ui.recoveryKey.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <Text size="sm">{t('ui.recoveryKey.howTo')}</Text>
      <Checkbox label={t('ui.recoveryKey.stored')} checked={stored} onChange={(e) => setStored(e.currentTarget.checked)} />
      <Button disabled={!stored} onClick={onDone}>
        {t('ui.recoveryKey.continue')}
      </Button>
    </AuthLayout>
  );
}
