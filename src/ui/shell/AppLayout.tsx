import { AppShell } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HeaderBar } from './HeaderBar';
import { NavMenu } from './NavMenu';
import { Screens } from './Screens';

/** Header, navigation and the current screen; sized for 1366×768 workstation screens. */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'xs' }} padding="md">
      <AppShell.Header>
        <HeaderBar />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('ui.nav.label')}>
        <NavMenu />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Screens />
      </AppShell.Main>
    </AppShell>
  );
}
