import { Alert, Select, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import {
  APPEAL_KINDS,
  FIRST_FORM_MEASURES,
  SANCTION_KINDS,
  type ActionOption,
  type AppealKind,
  type CaseDetail,
  type ClockKind,
  type FirstFormMeasure,
  type SanctionKind,
} from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import { FormModal } from '../../../components/FormModal';
import { roleLabel } from '../../../components/role-label';
import { UnitSelect } from '../../../components/UnitSelect';
import { describeError } from '../../../errors';
import { caseLabel, caseOptions, todayInShanghai } from '../shared/labels';
import { actionFields, checkAction, initialActionValues, type ActionErrors, type ActionValues } from './action-form';
import type { useCaseMutation } from './use-case-mutation';

interface Props {
  detail: CaseDetail;
  /** the action being taken; null: closed */
  option: ActionOption | null;
  onClose: () => void;
  mutate: ReturnType<typeof useCaseMutation>;
}

/** Asks for what the chosen action requires and its effective date, then acts (or proposes). */
export function ActionModal({ detail, option, onClose, mutate }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ActionValues>(() => initialActionValues(option, todayInShanghai()));
  const [errors, setErrors] = useState<ActionErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    setValues(initialActionValues(option, todayInShanghai()));
    setErrors({});
    setRefusal(null);
  }, [option]);

  const set = <K extends keyof ActionValues>(key: K, value: ActionValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const error = (key: keyof ActionValues) => (errors[key] ? t(`ui.cases.action.${errors[key]}`) : undefined);
  const requires = (field: ActionOption['required'][number]) => option?.required.includes(field) ?? false;

  async function submit() {
    if (!option) return;
    setRefusal(null);
    const result = await mutate(
      () => call(api.cases.act, { caseId: detail.id, version: detail.version, action: option.action, date: values.date, fields: actionFields(option, values) }),
      t(option.approver ? 'ui.cases.action.proposed' : 'ui.cases.action.done', { action: caseLabel(t, 'action', option.action) }),
    );
    if (result.ok || result.error.code === 'CASE_VERSION_CONFLICT') onClose();
    else setRefusal(describeError(t, result.error));
  }

  return (
    <FormModal
      opened={option !== null}
      onClose={onClose}
      title={option ? caseLabel(t, 'action', option.action) : ''}
      size="lg"
      testId="action-form"
      submitLabel={t(option?.approver ? 'ui.cases.action.submitForApproval' : 'ui.cases.action.submit')}
      validate={() => {
        if (!option) return false;
        const found = checkAction(option, values);
        setErrors(found);
        return Object.keys(found).length === 0;
      }}
      onSubmit={submit}
    >
      {option?.approver && (
        <Text size="sm" c="orange" data-testid="action-needs-approval">
          {t('ui.cases.action.needsApproval', { role: roleLabel(t, option.approver, option.approver) })}
        </Text>
      )}
      {refusal && (
        <Alert color="red" role="alert" data-testid="action-refused">
          {refusal}
        </Alert>
      )}
      <TextInput type="date" label={t('ui.cases.action.date')} required value={values.date} error={error('date')} onChange={(e) => set('date', e.currentTarget.value)} data-testid="action-date" />
      {requires('departmentId') && (
        <UnitSelect label={caseLabel(t, 'field', 'departmentId')} required value={values.departmentId} error={error('departmentId')} onChange={(v) => set('departmentId', v)} data-testid="action-departmentId" />
      )}
      {requires('targetUnitId') && (
        <UnitSelect label={caseLabel(t, 'field', 'targetUnitId')} required value={values.targetUnitId} error={error('targetUnitId')} onChange={(v) => set('targetUnitId', v)} data-testid="action-targetUnitId" />
      )}
      {requires('recipient') && (
        <TextInput label={caseLabel(t, 'field', 'recipient')} required value={values.recipient} error={error('recipient')} onChange={(e) => set('recipient', e.currentTarget.value)} data-testid="action-recipient" />
      )}
      {requires('reviewDate') && (
        <TextInput type="date" label={caseLabel(t, 'field', 'reviewDate')} required value={values.reviewDate} error={error('reviewDate')} onChange={(e) => set('reviewDate', e.currentTarget.value)} data-testid="action-reviewDate" />
      )}
      {requires('measure') && (
        <Select label={caseLabel(t, 'field', 'measure')} required data={caseOptions(t, 'measure', FIRST_FORM_MEASURES)} value={values.measure} error={error('measure')} onChange={(v) => set('measure', v as FirstFormMeasure | null)} comboboxProps={{ withinPortal: true }} data-testid="action-measure" />
      )}
      {requires('appealKind') && (
        <Select label={caseLabel(t, 'field', 'appealKind')} required data={caseOptions(t, 'appealKind', APPEAL_KINDS)} value={values.appealKind} error={error('appealKind')} onChange={(v) => set('appealKind', v as AppealKind | null)} comboboxProps={{ withinPortal: true }} data-testid="action-appealKind" />
      )}
      {requires('clock') && option && (
        <Select label={caseLabel(t, 'field', 'clock')} required data={caseOptions(t, 'clock', option.clocks)} value={values.clock} error={error('clock')} onChange={(v) => set('clock', v as ClockKind | null)} comboboxProps={{ withinPortal: true }} data-testid="action-clock" />
      )}
      {requires('sanctions') && (
        <>
          <Text size="sm" fw={500}>
            {caseLabel(t, 'field', 'sanctions')}
          </Text>
          {detail.subjects.map((subject) => (
            <Select
              key={subject.id}
              label={subject.name}
              clearable
              data={caseOptions(t, 'sanction', SANCTION_KINDS)}
              value={values.sanctions[subject.id] ?? null}
              onChange={(v) => set('sanctions', { ...values.sanctions, [subject.id]: (v as SanctionKind | null) ?? null })}
              comboboxProps={{ withinPortal: true }}
              data-testid="action-sanction"
            />
          ))}
          {errors.sanctions && (
            <Text size="xs" c="red">
              {t('ui.cases.action.sanctionRequired')}
            </Text>
          )}
        </>
      )}
      <Textarea
        label={caseLabel(t, 'field', 'reason')}
        required={requires('reason')}
        autosize
        minRows={2}
        value={values.reason}
        error={error('reason')}
        onChange={(e) => set('reason', e.currentTarget.value)}
        data-testid="action-reason"
      />
    </FormModal>
  );
}
