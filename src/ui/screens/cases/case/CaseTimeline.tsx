import { Badge, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPaperclip, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseEvent, CaseSubject } from '../../../../shared/api/cases';
import { formatDateTime } from '../../../format';
import { FieldsSummary } from '../shared/FieldsSummary';
import { caseLabel } from '../shared/labels';

/**
 * The case's events, oldest first: what was done, by whom, when, and who approved it. Moves made
 * at two offices at once (`conflicting`) are marked.
 */
export function CaseTimeline({ events, subjects, conflicting = [] }: { events: CaseEvent[]; subjects: CaseSubject[]; conflicting?: string[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="sm">
        {t('ui.cases.timeline.title')}
      </Text>
      <Timeline bulletSize={18} lineWidth={2} active={events.length - 1} data-testid="case-timeline">
        {events.map((event) => (
          <Timeline.Item
            key={event.id}
            title={<EventTitle event={event} conflicting={conflicting.includes(event.id)} />}
            bullet={event.kind === 'undone' ? <IconArrowBackUp size={12} /> : undefined}
            data-testid="case-event"
            data-kind={event.kind}
            data-action={event.action ?? ''}
            data-undone={event.undoneBy !== null}
            data-conflicting={conflicting.includes(event.id)}
          >
            <EventBody event={event} subjects={subjects} />
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

/** What an event did, in a few words: its kind and action. */
export function eventLabel(t: TFunction, event: CaseEvent): string {
  return event.action ? `${caseLabel(t, 'eventKind', event.kind)} · ${caseLabel(t, 'action', event.action)}` : caseLabel(t, 'eventKind', event.kind);
}

/** Who recorded an event, when, and at which office if another than this one. */
export function eventByline(t: TFunction, event: CaseEvent): string {
  const byOn = t('ui.cases.timeline.byOn', { actor: event.actorName, date: event.date, at: formatDateTime(event.at, { seconds: false }) });
  return event.office ? `${byOn} · ${t('ui.cases.timeline.office', { office: event.office })}` : byOn;
}

function EventTitle({ event, conflicting = false }: { event: CaseEvent; conflicting?: boolean }) {
  const { t } = useTranslation();
  const undone = event.undoneBy !== null;
  return (
    <Group gap="xs">
      <Text fw={600} size="sm" td={undone ? 'line-through' : undefined} c={undone ? 'dimmed' : undefined}>
        {eventLabel(t, event)}
      </Text>
      {event.fromStage && event.toStage && event.fromStage !== event.toStage && (
        <Text size="sm" c="dimmed">
          {t('ui.cases.timeline.fromTo', { from: caseLabel(t, 'stage', event.fromStage), to: caseLabel(t, 'stage', event.toStage) })}
        </Text>
      )}
      {undone && (
        <Badge size="xs" color="gray" variant="outline">
          {t('ui.cases.timeline.undone')}
        </Badge>
      )}
      {conflicting && (
        <Badge size="xs" color="red" variant="light">
          {t('ui.cases.conflict.badge')}
        </Badge>
      )}
    </Group>
  );
}

function EventBody({ event, subjects }: { event: CaseEvent; subjects: CaseSubject[] }) {
  const { t } = useTranslation();
  const undone = event.undoneBy !== null;
  return (
    <Stack gap={2} style={undone ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
      <Text size="xs" c="dimmed">
        {eventByline(t, event)}
      </Text>
      <FieldsSummary fields={event.fields} subjects={subjects} />
      {event.attachments.length > 0 && (
        <Group gap={4} wrap="nowrap">
          <IconPaperclip size={14} />
          <Text size="xs">{event.attachments.map((a) => a.fileName).join('、')}</Text>
        </Group>
      )}
      {event.approvals.map((step, i) => (
        <Group key={i} gap={4} wrap="nowrap">
          {step.approved ? <IconCheck size={14} color="green" /> : <IconX size={14} color="red" />}
          <Text size="xs">
            {t(step.approved ? 'ui.cases.timeline.approvedBy' : 'ui.cases.timeline.rejectedBy', {
              name: step.byName,
              at: formatDateTime(step.at, { seconds: false }),
            })}
            {step.comment ? `${t('ui.cases.colon')}${step.comment}` : ''}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
