import type { ClueSource, IntakeInput, SubjectInput } from '../../../../shared/api/cases';
import { isIsoDate } from '../shared/labels';

export interface SubjectValues {
  /** a stable React key for the row */
  key: string;
  personId: string | null;
  name: string;
  idNumber: string;
  unitId: string | null;
  position: string;
}

export interface IntakeValues {
  title: string;
  source: ClueSource | null;
  receivedDate: string;
  unitId: string | null;
  summary: string;
  named: boolean;
  complainantName: string;
  complainantContact: string;
  subjects: SubjectValues[];
}

export type IntakeProblem = 'required' | 'invalidDate' | 'futureDate' | 'tooLong';
export interface IntakeErrors {
  fields: Partial<Record<Exclude<keyof IntakeValues, 'subjects'>, IntakeProblem>>;
  /** by row: the problem of its name */
  subjects: Record<string, IntakeProblem>;
}

let rows = 0;
export const emptySubject = (): SubjectValues => ({ key: `s${(rows += 1)}`, personId: null, name: '', idNumber: '', unitId: null, position: '' });

export const initialIntake = (today: string, unitId: string | null): IntakeValues => ({
  title: '',
  source: null,
  receivedDate: today,
  unitId,
  summary: '',
  named: false,
  complainantName: '',
  complainantContact: '',
  subjects: [emptySubject()],
});

export function checkIntake(v: IntakeValues, today: string): IntakeErrors {
  const fields: IntakeErrors['fields'] = {};
  if (!v.title.trim()) fields.title = 'required';
  else if (v.title.trim().length > 200) fields.title = 'tooLong';
  if (!v.source) fields.source = 'required';
  if (!isIsoDate(v.receivedDate)) fields.receivedDate = v.receivedDate ? 'invalidDate' : 'required';
  else if (v.receivedDate > today) fields.receivedDate = 'futureDate';
  if (!v.unitId) fields.unitId = 'required';
  if (v.named && !v.complainantName.trim()) fields.complainantName = 'required';
  const subjects: IntakeErrors['subjects'] = {};
  for (const s of v.subjects) if (!s.name.trim()) subjects[s.key] = 'required';
  return { fields, subjects };
}

export const hasErrors = (e: IntakeErrors) => Object.keys(e.fields).length > 0 || Object.keys(e.subjects).length > 0;

export function subjectInputs(subjects: SubjectValues[]): SubjectInput[] {
  return subjects
    .filter((s) => s.name.trim())
    .map((s) => ({ personId: s.personId, name: s.name.trim(), idNumber: s.idNumber.trim() || null, unitId: s.unitId, position: s.position.trim() || null }));
}

export function intakeInput(v: IntakeValues): IntakeInput {
  return {
    title: v.title.trim(),
    source: v.source!,
    receivedDate: v.receivedDate,
    unitId: v.unitId!,
    summary: v.summary.trim(),
    complainant: v.named
      ? { named: true, name: v.complainantName.trim() || null, contact: v.complainantContact.trim() || null }
      : { named: false, name: null, contact: null },
    subjects: subjectInputs(v.subjects),
  };
}
