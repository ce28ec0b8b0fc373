import { Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import type { WireError } from '../../shared/api/errors';
import { call } from '../bridge/client';
import { ErrorState } from '../components/QueryStatus';
import { UnitsProvider } from '../data/units-context';
import { asWireError } from '../errors';
import { LoginPage } from '../screens/auth/LoginPage';
import { RecoveryPage } from '../screens/auth/RecoveryPage';
import { SetupPage } from '../screens/auth/SetupPage';
import { AppLayout } from '../shell/AppLayout';
import { IdleLock } from './IdleLock';
import { setStatus } from './session-store';
import { useSession } from './use-session';

/**
 * Asks `auth.status` and shows what it says: the first-start setup, the login (or the recovery
 * with the recovery key), or the application with its idle lock. Any screen that logs in or out
 * clears the status, and it is asked again here.
 */
export function AuthGate() {
  const { status } = useSession();
  const [error, setError] = useState<WireError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [recovering, setRecovering] = useState(false);

  useEffect(() => {
    if (status !== null) return;
    let current = true;
    setError(null);
    call(api.auth.status, {}).then(
      (next) => current && setStatus(next),
      (failure: unknown) => current && setError(asWireError(failure)),
    );
    return () => {
      current = false;
    };
  }, [status, attempt]);

  // the recovery form is a detour from one login screen, not the start of the next one
  const state = status?.state;
  useEffect(() => {
    if (state === 'open') setRecovering(false);
  }, [state]);

  if (error) {
    return (
      <Center mih="100vh" p="md">
        <ErrorState error={error} onRetry={() => setAttempt((a) => a + 1)} />
      </Center>
    );
  }
  if (!status) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  switch (status.state) {
    case 'setup':
      return <SetupPage />;
    case 'login':
      return recovering ? <RecoveryPage onBack={() => setRecovering(false)} /> : <LoginPage onRecover={() => setRecovering(true)} />;
    case 'open':
      // keyed by user: nothing of one user's screens (loaded lists, open forms) reaches the next
      return (
        <UnitsProvider key={status.user?.id ?? ''}>
          <AppLayout />
          <IdleLock />
        </UnitsProvider>
      );
  }
}
