import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { CLUE_SOURCES, type ClueSource, type DuplicateMatch } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import { UnitSelect } from '../../../components/UnitSelect';
import { useQuery } from '../../../data/use-query';
import { asWireError, describeError, notifyError, notifySuccess } from '../../../errors';
import { navigate } from '../../../routing';
import { useCurrentUser } from '../../../session/use-session';
import { DuplicateList } from '../shared/DuplicateList';
import { caseOptions, todayInShanghai } from '../shared/labels';
import { checkIntake, hasErrors, initialIntake, intakeInput, subjectInputs, type IntakeErrors, type IntakeValues } from './intake-form';
import { SubjectRows } from './SubjectRows';

const NO_ERRORS: IntakeErrors = { fields: {}, subjects: {} };

/** 受理登记: a new clue with its subjects; possible duplicates show while the subjects are typed. */
export function CaseIntakePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const today = useMemo(() => todayInShanghai(), []);
  const [values, setValues] = useState<IntakeValues>(() => initialIntake(today, user.unitId));
  const [errors, setErrors] = useState<IntakeErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  /** the core's refusal of the owning unit (outside the user's scope), shown on that field */
  const [unitRefused, setUnitRefused] = useState<string | undefined>();

  const set = <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [key]: undefined } }));
  };
  const fieldError = (key: keyof IntakeErrors['fields']) => {
    const problem = errors.fields[key];
    return problem ? t(`ui.cases.intake.problem.${problem}`) : undefined;
  };

  const subjects = useMemo(() => subjectInputs(values.subjects), [values.subjects]);
  const [debouncedSubjects] = useDebouncedValue(JSON.stringify(subjects), 400);
  const duplicates = useQuery<DuplicateMatch[]>(() => {
    const parsed = JSON.parse(debouncedSubjects) as typeof subjects;
    return parsed.length ? call(api.cases.duplicates, { subjects: parsed }) : Promise.resolve([]);
  }, [debouncedSubjects]);

  async function submit() {
    const found = checkIntake(values, today);
    setErrors(found);
    if (hasErrors(found)) return;
    setSaving(true);
    try {
      const created = await call(api.cases.intake, intakeInput(values));
      notifySuccess(t('ui.cases.intake.registered', { number: created.number }));
      navigate({ name: 'case', id: created.id });
    } catch (failure) {
      const error = asWireError(failure);
      if (error.code === 'OUT_OF_SCOPE' || error.code === 'UNIT_NOT_FOUND') setUnitRefused(describeError(t, error));
      else notifyError(t, error);
    } finally {
      setSaving(false);
    }
  }

  const matches = duplicates.data ?? [];
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t('ui.cases.intake.title')}</Title>
      <form
        noValidate
        data-testid="intake-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Paper withBorder p="md">
            <Stack gap="sm">
              <TextInput label={t('ui.cases.fields.title')} required value={values.title} error={fieldError('title')} onChange={(e) => set('title', e.currentTarget.value)} data-testid="intake-title" />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  label={t('ui.cases.fields.source')}
                  required
                  data={caseOptions(t, 'source', CLUE_SOURCES)}
                  value={values.source}
                  error={fieldError('source')}
                  onChange={(v) => set('source', v as ClueSource | null)}
                  data-testid="intake-source"
                />
                <TextInput type="date" label={t('ui.cases.columns.receivedDate')} required value={values.receivedDate} error={fieldError('receivedDate')} onChange={(e) => set('receivedDate', e.currentTarget.value)} data-testid="intake-received" />
                <UnitSelect label={t('ui.cases.intake.owningUnit')} required value={values.unitId} error={fieldError('unitId') ?? unitRefused}
                  onChange={(v) => {
                    set('unitId', v);
                    setUnitRefused(undefined);
                  }} data-testid="intake-unit" />
              </SimpleGrid>
              <Textarea label={t('ui.cases.fields.summary')} autosize minRows={3} value={values.summary} onChange={(e) => set('summary', e.currentTarget.value)} data-testid="intake-summary" />
              <Checkbox label={t('ui.cases.intake.named')} checked={values.named} onChange={(e) => set('named', e.currentTarget.checked)} data-testid="intake-named" />
              {values.named && (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput label={t('ui.cases.intake.complainantName')} required value={values.complainantName} error={fieldError('complainantName')} onChange={(e) => set('complainantName', e.currentTarget.value)} data-testid="intake-complainant-name" />
                  <TextInput label={t('ui.cases.intake.complainantContact')} value={values.complainantContact} onChange={(e) => set('complainantContact', e.currentTarget.value)} data-testid="intake-complainant-contact" />
                </SimpleGrid>
              )}
            </Stack>
          </Paper>
          <SubjectRows
            subjects={values.subjects}
            errors={errors.subjects}
            onChange={(next) => {
              setValues((v) => ({ ...v, subjects: next }));
              setErrors((e) => ({ ...e, subjects: {} }));
            }}
          />
          {matches.length > 0 && (
            <Alert color="orange" icon={<IconCopy />} title={t('ui.cases.duplicates.possible', { count: matches.length })} data-testid="intake-duplicates">
              <DuplicateList matches={matches} />
            </Alert>
          )}
          {duplicates.error && <Alert color="red">{describeError(t, duplicates.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" component="a" href="#/cases">
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="intake-submit">
              {t('ui.cases.intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
