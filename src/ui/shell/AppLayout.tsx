import { AppShell, ScrollArea } from '@mantine/core';
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
        {/* an administrator's entries run past a 768-pixel screen: the list scrolls */}
        <AppShell.Section grow component={ScrollArea} type="auto" scrollbarSize={6}>
          <NavMenu />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Screens />
      </AppShell.Main>
    </AppShell>
  );
}
