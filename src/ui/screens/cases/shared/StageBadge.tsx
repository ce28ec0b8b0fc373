import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Outcome, Stage } from '../../../../shared/api/cases';
import { caseLabel } from './labels';

/** The stage, and for a closed case its outcome. */
export function StageBadge({ stage, outcome }: { stage: Stage; outcome: Outcome | null }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" data-testid="stage" data-stage={stage}>
      <Badge variant="light" color={stage === 'closed' ? 'gray' : 'indigo'} size="sm">
        {caseLabel(t, 'stage', stage)}
      </Badge>
      {outcome && (
        <Badge variant="outline" color="gray" size="sm" data-outcome={outcome}>
          {caseLabel(t, 'outcome', outcome)}
        </Badge>
      )}
    </Group>
  );
}
