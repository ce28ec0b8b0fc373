import { useRoute } from '../routing';
import { ImportPage } from '../screens/import/ImportPage';
import { OverviewPage } from '../screens/overview/OverviewPage';
import { PeoplePage } from '../screens/people/PeoplePage';
import { PersonPage } from '../screens/person/PersonPage';
import { UnitsPage } from '../screens/units/UnitsPage';

/** The screen for the current hash route. */
export function Screens() {
  const route = useRoute();
  switch (route.name) {
    case 'overview':
      return <OverviewPage />;
    case 'units':
      return <UnitsPage unitId={route.unitId} />;
    case 'people':
      return <PeoplePage route={route} />;
    case 'person':
      // keyed: a different person starts with fresh state (open modals, loaded detail)
      return <PersonPage key={route.id} id={route.id} />;
    case 'peopleImport':
      return <ImportPage />;
  }
}
