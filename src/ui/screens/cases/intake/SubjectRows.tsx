import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconLink, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { UnitSelect } from '../../../components/UnitSelect';
import { emptySubject, type IntakeProblem, type SubjectValues } from './intake-form';
import { PersonSearch } from './PersonSearch';

interface Props {
  subjects: SubjectValues[];
  errors: Record<string, IntakeProblem>;
  onChange: (subjects: SubjectValues[]) => void;
}

/** The persons the clue concerns: each picked from the registry, or typed in. */
export function SubjectRows({ subjects, errors, onChange }: Props) {
  const { t } = useTranslation();
  const update = (key: string, over: Partial<SubjectValues>) => onChange(subjects.map((s) => (s.key === key ? { ...s, ...over } : s)));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('ui.cases.fields.subjects')}</Text>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...subjects, emptySubject()])} disabled={subjects.length >= 20} data-testid="subject-add">
          {t('ui.cases.intake.addSubject')}
        </Button>
      </Group>
      {subjects.map((s, i) => (
        <Paper key={s.key} withBorder p="sm" data-testid="subject-row">
          <Group justify="space-between" mb={4}>
            <Group gap={6}>
              <Text size="sm" fw={500}>
                {t('ui.cases.intake.subjectN', { n: i + 1 })}
              </Text>
              {s.personId && (
                <Text size="xs" c="teal" data-testid="subject-linked">
                  <IconLink size={12} /> {t('ui.cases.intake.linked')}
                </Text>
              )}
            </Group>
            {subjects.length > 1 && (
              <ActionIcon variant="subtle" color="red" aria-label={t('ui.cases.intake.removeSubject')} onClick={() => onChange(subjects.filter((x) => x.key !== s.key))}>
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
          <PersonSearch
            onPick={(p) => update(s.key, { personId: p.id, name: p.name, idNumber: p.idNumber, unitId: p.unitId, position: p.position ?? '' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            <TextInput
              label={t('ui.cases.intake.subjectName')}
              required
              value={s.name}
              error={errors[s.key] ? t(`ui.cases.intake.problem.${errors[s.key]}`) : undefined}
              // typing over a picked person's name unlinks the row from the registry
              onChange={(e) => update(s.key, { name: e.currentTarget.value, personId: null })}
              data-testid="subject-name"
            />
            <TextInput label={t('ui.cases.intake.idNumber')} value={s.idNumber} onChange={(e) => update(s.key, { idNumber: e.currentTarget.value, personId: null })} data-testid="subject-id-number" />
            <UnitSelect label={t('ui.cases.intake.subjectUnit')} value={s.unitId} onChange={(unitId) => update(s.key, { unitId })} data-testid="subject-unit" />
            <TextInput label={t('ui.cases.intake.position')} value={s.position} onChange={(e) => update(s.key, { position: e.currentTarget.value })} data-testid="subject-position" />
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}
