import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '../../../../shared/api/cases';
import { routeHref } from '../../../routing';
import { caseLabel } from './labels';
import { StageBadge } from './StageBadge';

/** Registered clues that may concern the same person, with why; `onMerge` adds a Merge button. */
export function DuplicateList({ matches, onMerge, mergeLabel }: { matches: DuplicateMatch[]; onMerge?: (match: DuplicateMatch) => void; mergeLabel?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="duplicates">
      {matches.map((match) => (
        <Group key={`${match.case.id}-${match.subjectName}-${match.reason}`} gap="sm" justify="space-between" wrap="nowrap" data-testid="duplicate" data-reason={match.reason}>
          <Group gap="sm" wrap="nowrap">
            <Anchor href={routeHref({ name: 'case', id: match.case.id })} ff="monospace" size="sm">
              {match.case.number}
            </Anchor>
            <Text size="sm" lineClamp={1}>
              {match.case.title}
            </Text>
            <StageBadge stage={match.case.stage} outcome={match.case.outcome} />
            <Badge variant="light" color="orange" size="sm">
              {t('ui.cases.duplicates.reason', { name: match.subjectName, reason: caseLabel(t, 'duplicateReason', match.reason) })}
            </Badge>
          </Group>
          {onMerge && (
            <Button size="xs" variant="light" color="grape" onClick={() => onMerge(match)} data-testid="duplicate-merge">
              {mergeLabel}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}
