import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { routeHref, useRoute } from '../routing';
import { useCan } from '../session/use-session';
import { ADMIN_MODULES, CASE_MODULES, NAV_MODULES, WELFARE_MODULES, type NavModule } from './modules';

/** The entries the user's role allows; a group (cases, welfare funds, administration) only when it has any. */
export function NavMenu() {
  const { t } = useTranslation();
  const can = useCan();
  const main = NAV_MODULES.filter((m) => can(m.access));
  const cases = CASE_MODULES.filter((m) => can(m.access));
  const welfare = WELFARE_MODULES.filter((m) => can(m.access));
  const admin = ADMIN_MODULES.filter((m) => can(m.access));
  return (
    <Stack gap={2}>
      {main.map((module) => (
        <ModuleLink key={module.labelKey} module={module} />
      ))}
      <NavGroup heading={t('ui.nav.casesGroup')} modules={cases} />
      <NavGroup heading={t('ui.welfare.nav.group')} modules={welfare} />
      <NavGroup heading={t('ui.nav.admin')} modules={admin} />
    </Stack>
  );
}

function NavGroup({ heading, modules }: { heading: string; modules: NavModule[] }) {
  if (modules.length === 0) return null;
  return (
    <>
      <Divider my="xs" />
      <Text size="xs" c="dimmed" fw={600} px="sm" pb={4}>
        {heading}
      </Text>
      {modules.map((module) => (
        <ModuleLink key={module.labelKey} module={module} />
      ))}
    </>
  );
}

function ModuleLink({ module }: { module: NavModule }) {
  const { t } = useTranslation();
  const route = useRoute();
  const Icon = module.icon;
  const active = module.activeOn.includes(route.name);
  return (
    <NavLink
      href={routeHref(module.route)}
      label={t(module.labelKey)}
      leftSection={<Icon size={18} stroke={1.6} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="light"
    />
  );
}
