import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRoute } from '../routing';
import { AuditPage } from '../screens/audit/AuditPage';
import { BackupPage } from '../screens/backup/BackupPage';
import { BoardPage } from '../screens/cases/board/BoardPage';
import { CasePage } from '../screens/cases/case/CasePage';
import { InboxPage } from '../screens/cases/inbox/InboxPage';
import { CaseIntakePage } from '../screens/cases/intake/CaseIntakePage';
import { CasesPage } from '../screens/cases/register/CasesPage';
import { StatsPage } from '../screens/cases/stats/StatsPage';
import { ImportPage } from '../screens/import/ImportPage';
import { OverviewPage } from '../screens/overview/OverviewPage';
import { PeoplePage } from '../screens/people/PeoplePage';
import { PersonPage } from '../screens/person/PersonPage';
import { RolesPage } from '../screens/roles/RolesPage';
import { SyncPage } from '../screens/sync/SyncPage';
import { CaseSettingsPage } from '../screens/settings/CaseSettingsPage';
import { UnitsPage } from '../screens/units/UnitsPage';
import { UsersPage } from '../screens/users/UsersPage';
import { HitPage } from '../screens/welfare/hit/HitPage';
import { HitsPage } from '../screens/welfare/hits/HitsPage';
import { WelfareImportPage } from '../screens/welfare/import/WelfareImportPage';
import { WelfareSettingsPage } from '../screens/welfare/settings/WelfareSettingsPage';
import { useCan } from '../session/use-session';
import { ROUTE_ACCESS } from './modules';

/** The screen for the current hash route, if the user's role allows it. */
export function Screens() {
  const route = useRoute();
  const can = useCan();
  if (!can(ROUTE_ACCESS[route.name])) return <NoAccess />;
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
    case 'users':
      return <UsersPage />;
    case 'roles':
      return <RolesPage />;
    case 'audit':
      return <AuditPage />;
    case 'backup':
      return <BackupPage />;
    case 'sync':
      return <SyncPage />;
    case 'cases':
      return <CasesPage filters={route.filters} />;
    case 'caseNew':
      return <CaseIntakePage />;
    case 'case':
      return <CasePage key={route.id} id={route.id} />;
    case 'caseInbox':
      return <InboxPage />;
    case 'caseBoard':
      return <BoardPage route={route} />;
    case 'caseStats':
      return <StatsPage route={route} />;
    case 'caseSettings':
      return <CaseSettingsPage />;
    case 'welfareImport':
      return <WelfareImportPage />;
    case 'welfareHits':
      return <HitsPage filters={route.filters} />;
    case 'welfareHit':
      return <HitPage key={route.id} id={route.id} />;
    case 'welfareSettings':
      return <WelfareSettingsPage />;
  }
}

/** A deep link (or a link kept from another user) to a screen this role does not have. */
function NoAccess() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconLock />} title={t('ui.access.deniedTitle')} maw={640} data-testid="no-access">
      {t('ui.access.deniedBody')}
    </Alert>
  );
}
