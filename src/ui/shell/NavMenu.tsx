import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { routeHref, useRoute } from '../routing';
import { NAV_MODULES } from './modules';

export function NavMenu() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <Stack gap={2}>
      {NAV_MODULES.map((module) => {
        const Icon = module.icon;
        const active = module.activeOn.includes(route.name);
        return (
          <NavLink
            key={module.labelKey}
            href={routeHref(module.route)}
            label={t(module.labelKey)}
            leftSection={<Icon size={18} stroke={1.6} />}
            active={active}
            aria-current={active ? 'page' : undefined}
            variant="light"
          />
        );
      })}
    </Stack>
  );
}
