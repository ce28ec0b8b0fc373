import { Anchor, Grid, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { call } from '../../../bridge/client';
import { casesRoute } from '../../../case-routes';
import { ErrorState, LoadingState } from '../../../components/QueryStatus';
import { useDataChanged } from '../../../data/use-data-changed';
import { useQuery } from '../../../data/use-query';
import { routeHref } from '../../../routing';
import { CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { CaseTimeline } from './CaseTimeline';
import { ClocksCard } from './ClocksCard';
import { ConflictCard } from './ConflictCard';
import { DocumentsCard } from './DocumentsCard';
import { DuplicatesCard } from './DuplicatesCard';
import { ProposalBox } from './ProposalBox';
import { ReportsCard, SanctionsCard } from './RecordsCards';
import { SharedNumberAlert } from './SharedNumberAlert';
import { useCaseMutation } from './use-case-mutation';

/**
 * One clue or case: where it stands, its clocks, its history, and what can be done next. Every
 * write names the version shown here; a stale one is refused and the page reloads.
 */
export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery(() => call(api.cases.get, { id }), [id]);
  useDataChanged(detail.reload);
  const mutate = useCaseMutation(detail.reload);

  const back = (
    <Anchor
      href={routeHref(casesRoute())}
      size="sm"
      onClick={(e) => {
        if (window.history.length > 1) {
          e.preventDefault();
          window.history.back();
        }
      }}
    >
      <Group gap={4}>
        <IconArrowLeft size={16} />
        {t('ui.cases.detail.back')}
      </Group>
    </Anchor>
  );
  if (detail.error && !detail.data) {
    return (
      <Stack>
        {back}
        <ErrorState error={detail.error} onRetry={detail.reload} />
      </Stack>
    );
  }
  if (!detail.data) return <LoadingState />;
  const data = detail.data;
  return (
    <Stack gap="md" data-testid="case-detail" data-version={data.version} data-stage={data.stage}>
      {back}
      <CaseHeader detail={data} />
      <ConflictCard detail={data} mutate={mutate} />
      <SharedNumberAlert detail={data} />
      <DuplicatesCard detail={data} mutate={mutate} />
      <ProposalBox detail={data} mutate={mutate} />
      <CaseActions detail={data} mutate={mutate} />
      <ClocksCard clocks={data.clocks} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <CaseTimeline events={data.events} subjects={data.subjects} conflicting={data.conflict?.eventIds} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <SanctionsCard detail={data} />
            <ReportsCard detail={data} mutate={mutate} />
            <DocumentsCard detail={data} mutate={mutate} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
