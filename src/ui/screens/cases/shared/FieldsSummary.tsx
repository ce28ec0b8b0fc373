import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActionFields, CaseSubject } from '../../../../shared/api/cases';
import { unitLabel, type UnitIndex } from '../../../data/unit-index';
import { useUnits } from '../../../data/units-context';
import { caseLabel } from './labels';

/** One line per field an action carried: label and value, units and codes made readable. */
export function fieldLines(t: TFunction, fields: ActionFields, index: UnitIndex, subjects: CaseSubject[] = []): [string, string][] {
  const unit = (id: string) => (index.byId.has(id) ? unitLabel(index, id) : id);
  const subject = (id: string) => subjects.find((s) => s.id === id)?.name ?? id;
  const lines: [string, string][] = [];
  const add = (field: keyof ActionFields, value: string) => lines.push([caseLabel(t, 'field', field), value]);
  if (fields.departmentId) add('departmentId', unit(fields.departmentId));
  if (fields.targetUnitId) add('targetUnitId', unit(fields.targetUnitId));
  if (fields.recipient) add('recipient', fields.recipient);
  if (fields.reviewDate) add('reviewDate', fields.reviewDate);
  if (fields.measure) add('measure', caseLabel(t, 'measure', fields.measure));
  if (fields.sanctions?.length) add('sanctions', fields.sanctions.map((s) => `${subject(s.subjectId)}：${caseLabel(t, 'sanction', s.kind)}`).join('；'));
  if (fields.appealKind) add('appealKind', caseLabel(t, 'appealKind', fields.appealKind));
  if (fields.clock) add('clock', caseLabel(t, 'clock', fields.clock));
  if (fields.reason) add('reason', fields.reason);
  return lines;
}

export function FieldsSummary({ fields, subjects }: { fields: ActionFields; subjects?: CaseSubject[] }) {
  const { t } = useTranslation();
  const { index } = useUnits();
  const lines = fieldLines(t, fields, index, subjects);
  if (lines.length === 0) return null;
  return (
    <Stack gap={0}>
      {lines.map(([label, value]) => (
        <Text key={label} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span c="dimmed" size="sm">
            {label}
            {t('ui.cases.colon')}
          </Text>
          {value}
        </Text>
      ))}
    </Stack>
  );
}
