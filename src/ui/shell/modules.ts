import {
  IconAdjustments,
  IconAlarm,
  IconArrowsExchange,
  IconChartBar,
  IconDatabaseImport,
  IconDatabaseExport,
  IconFilePlus,
  IconFolders,
  IconInbox,
  IconSettings,
  IconFileImport,
  IconHome,
  IconListCheck,
  IconListSearch,
  IconShieldLock,
  IconSitemap,
  IconUserCog,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Access } from '../../shared/api/permissions';
import { casesRoute } from '../case-routes';
import { peopleRoute, type Route, type RouteName } from '../routing';
import { hitsRoute } from '../welfare-routes';

export interface NavModule {
  labelKey: string;
  icon: Icon;
  /** where the entry leads */
  route: Route;
  /** the routes under which the entry shows as active */
  activeOn: RouteName[];
  /** what the user must hold to see the entry (and the screens it leads to) */
  access: Access;
}

/** What each screen needs; a screen the role may not use says so instead of failing its calls. */
export const ROUTE_ACCESS: Record<RouteName, Access> = {
  overview: 'system.read',
  units: 'registry.read',
  people: 'registry.read',
  person: 'registry.read',
  peopleImport: 'registry.import',
  users: 'users.manage',
  roles: 'roles.manage',
  audit: 'audit.read',
  backup: 'backup.create',
  sync: 'system.read',
  cases: 'cases.read',
  caseNew: 'cases.intake',
  case: 'cases.read',
  caseInbox: 'cases.approve',
  caseBoard: 'cases.read',
  caseStats: 'cases.read',
  caseSettings: 'cases.configure',
  welfareImport: 'welfare.import',
  welfareHits: 'welfare.read',
  welfareHit: 'welfare.read',
  welfareSettings: 'welfare.configure',
};

const entry = (labelKey: string, icon: Icon, route: Route, activeOn: RouteName[] = [route.name]): NavModule => ({
  labelKey,
  icon,
  route,
  activeOn,
  access: ROUTE_ACCESS[route.name],
});

/**
 * The navigation, in order. Later modules (clues and cases, inspection, welfare funds …) are
 * added here when their screens exist: an entry that leads nowhere would only confuse.
 */
export const NAV_MODULES: NavModule[] = [
  entry('ui.nav.overview', IconHome, { name: 'overview' }),
  entry('ui.nav.units', IconSitemap, { name: 'units', unitId: null }),
  entry('ui.nav.people', IconUsers, peopleRoute(), ['people', 'person']),
  entry('ui.nav.peopleImport', IconFileImport, { name: 'peopleImport' }),
];

/** The clue and case workflow, shown under its own heading. */
export const CASE_MODULES: NavModule[] = [
  entry('ui.nav.cases', IconFolders, casesRoute(), ['cases', 'case']),
  entry('ui.nav.caseNew', IconFilePlus, { name: 'caseNew' }),
  entry('ui.nav.caseInbox', IconInbox, { name: 'caseInbox' }),
  entry('ui.nav.caseBoard', IconAlarm, { name: 'caseBoard', departmentId: null, countyId: null, stage: null }),
  entry('ui.nav.caseStats', IconChartBar, { name: 'caseStats', from: null, to: null }),
  entry('ui.nav.caseSettings', IconSettings, { name: 'caseSettings' }),
];

/** Big-data supervision of welfare funds, under its own heading. */
export const WELFARE_MODULES: NavModule[] = [
  entry('ui.welfare.nav.import', IconDatabaseImport, { name: 'welfareImport' }),
  entry('ui.welfare.nav.hits', IconListSearch, hitsRoute(), ['welfareHits', 'welfareHit']),
  entry('ui.welfare.nav.settings', IconAdjustments, { name: 'welfareSettings' }),
];

/** The administration entries, shown apart under their own heading. */
export const ADMIN_MODULES: NavModule[] = [
  entry('ui.nav.users', IconUserCog, { name: 'users' }),
  entry('ui.nav.roles', IconShieldLock, { name: 'roles' }),
  entry('ui.nav.audit', IconListCheck, { name: 'audit' }),
  entry('ui.nav.backup', IconDatabaseExport, { name: 'backup' }),
  entry('ui.nav.sync', IconArrowsExchange, { name: 'sync' }),
];
