import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { bridge } from './bridge/client';
import { useTokenRefused } from './auth-state';
import { hasToken } from './bridge/http-bridge';
import { AuthGate } from './session/AuthGate';
import { MissingTokenPage } from './shell/MissingTokenPage';
import { theme } from './theme';

export function App() {
  // Without the per-start token every call would fail; say what to do instead of erroring.
  const refused = useTokenRefused();
  const authorised = hasToken(bridge) && !refused;
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      {authorised ? <AuthGate /> : <MissingTokenPage />}
    </MantineProvider>
  );
}
