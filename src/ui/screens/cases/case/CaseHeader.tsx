import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/cases';
import { routeHref } from '../../../routing';
import { caseLabel } from '../shared/labels';
import { StageBadge } from '../shared/StageBadge';

/** Number, title, stage and outcome, who owns it, the subjects; a banner if it was merged away. */
export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const none = t('ui.common.none');
  return (
    <Stack gap="sm">
      {detail.mergedInto && (
        <Alert color="grape" icon={<IconGitMerge />} data-testid="merged-banner">
          {t('ui.cases.detail.mergedInto')}{' '}
          <Anchor href={routeHref({ name: 'case', id: detail.mergedInto.id })} ff="monospace">
            {detail.mergedInto.number}
          </Anchor>
        </Alert>
      )}
      <Group gap="sm" align="center">
        <Text ff="monospace" c="dimmed" data-testid="case-number">
          {detail.number}
        </Text>
        <StageBadge stage={detail.stage} outcome={detail.outcome} />
      </Group>
      <Title order={2} data-testid="case-title">
        {detail.title}
      </Title>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Field label={t('ui.cases.columns.unit')} value={detail.unitName} />
          <Field label={t('ui.cases.columns.department')} value={detail.departmentName ?? none} testId="case-department" />
          <Field label={t('ui.cases.fields.source')} value={caseLabel(t, 'source', detail.source)} />
          <Field label={t('ui.cases.columns.receivedDate')} value={detail.receivedDate} />
          <Field
            label={t('ui.cases.fields.complainant')}
            value={
              detail.complainant.named
                ? [detail.complainant.name, detail.complainant.contact].filter(Boolean).join(' · ') || none
                : t('ui.cases.fields.anonymous')
            }
          />
        </SimpleGrid>
        {detail.summary && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {detail.summary}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md" data-testid="case-subjects">
        <Text fw={600} mb={6}>
          {t('ui.cases.fields.subjects')}
        </Text>
        <Stack gap={4}>
          {detail.subjects.map((s) => (
            <Group key={s.id} gap="sm" data-testid="case-subject">
              {s.personId ? (
                <Anchor href={routeHref({ name: 'person', id: s.personId })} fw={500}>
                  {s.name}
                </Anchor>
              ) : (
                <Text fw={500}>{s.name}</Text>
              )}
              <Text size="sm" c="dimmed">
                {[s.unitName, s.position, s.idNumber].filter(Boolean).join(' · ')}
              </Text>
            </Group>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
