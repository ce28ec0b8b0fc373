import { Alert, Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { call } from '../bridge/client';
import { asWireError, describeError, notifyError } from '../errors';
import { createIdleWatch, pingInterval } from './idle-watch';
import { logOut } from './log-out';
import { endSession, lockSession, unlockSession } from './session-store';
import { useCurrentUser, useSession } from './use-session';
import { PasswordInput } from '../components/PasswordInput';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Watches the user's activity while the session is open and unlocked; locks after the idle time.
 * Pings `auth.status` while the user is active, which also notices a lock or an expiry the core
 * decided on its own.
 */
function useIdleWatch(idleLockSeconds: number, locked: boolean): void {
  useEffect(() => {
    if (locked || idleLockSeconds <= 0) return;
    const watch = createIdleWatch(idleLockSeconds * 1000, pingInterval(idleLockSeconds), Date.now());
    const onActivity = () => watch.activity(Date.now());
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, onActivity, { capture: true, passive: true }));
    const timer = window.setInterval(() => {
      const action = watch.tick(Date.now());
      if (action === 'lock') lockSession();
      else if (action === 'ping') {
        call(api.auth.status, {}).then(
          (status) => {
            if (status.state !== 'open') endSession({ code: 'SESSION_EXPIRED', messageKey: 'errors.SESSION_EXPIRED' });
            else if (status.locked) lockSession();
          },
          () => undefined,
        );
      }
    }, 500);
    return () => {
      window.clearInterval(timer);
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, onActivity, { capture: true }));
    };
  }, [idleLockSeconds, locked]);
}

/**
 * The idle lock: a modal over the blurred, still mounted application, so that after the password
 * the user is exactly where they were (same screen, same typed text, same open form).
 */
export function IdleLock() {
  const { t } = useTranslation();
  const { status, locked } = useSession();
  const user = useCurrentUser();
  useIdleWatch(status?.idleLockSeconds ?? 0, locked);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (locked) return;
    setPassword('');
    setError(null);
  }, [locked]);

  async function unlock() {
    if (!password) {
      setError(t('ui.password.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call(api.auth.unlock, { password });
      unlockSession();
    } catch (failure) {
      const wire = asWireError(failure);
      // too many wrong passwords lock the account, and the core ends the session: say so at the login
      if (wire.code === 'ACCOUNT_LOCKED') endSession(wire);
      setError(describeError(t, wire));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={locked}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      centered
      size="sm"
      zIndex={4000}
      overlayProps={{ backgroundOpacity: 0.45, blur: 8 }}
      transitionProps={{ duration: 0 }}
    >
      <form
        noValidate
        data-testid="lock-overlay"
        onSubmit={(e) => {
          e.preventDefault();
          void unlock();
        }}
      >
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={40} radius="xl" variant="light">
              <IconLock size={22} />
            </ThemeIcon>
            <div>
              <Text fw={700}>{t('ui.lock.title')}</Text>
              <Text size="sm" c="dimmed">
                {t('ui.lock.body', { name: user.displayName })}
              </Text>
            </div>
          </Group>
          {error && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="unlock-error" p="xs">
              {error}
            </Alert>
          )}
          <PasswordInput label={t('ui.login.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-autofocus />
          <Group justify="space-between" mt="xs">
            <Button variant="subtle" color="gray" onClick={() => void logOut().catch((failure: unknown) => notifyError(t, failure))}>
              {t('ui.userMenu.logOut')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('ui.lock.unlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
