import { IconFileImport, IconHome, IconSitemap, IconUsers, type Icon } from '@tabler/icons-react';
import { peopleRoute, type Route, type RouteName } from '../routing';

export interface NavModule {
  labelKey: string;
  icon: Icon;
  /** where the entry leads */
  route: Route;
  /** the routes under which the entry shows as active */
  activeOn: RouteName[];
}

/**
 * The navigation, in order. Later modules (clues and cases, inspection, welfare funds …) are
 * added here when their screens exist: an entry that leads nowhere would only confuse.
 */
export const NAV_MODULES: NavModule[] = [
  { labelKey: 'ui.nav.overview', icon: IconHome, route: { name: 'overview' }, activeOn: ['overview'] },
  { labelKey: 'ui.nav.units', icon: IconSitemap, route: { name: 'units', unitId: null }, activeOn: ['units'] },
  { labelKey: 'ui.nav.people', icon: IconUsers, route: peopleRoute(), activeOn: ['people', 'person'] },
  { labelKey: 'ui.nav.peopleImport', icon: IconFileImport, route: { name: 'peopleImport' }, activeOn: ['peopleImport'] },
];
