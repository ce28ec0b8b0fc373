import type { ParsedInputOf } from '../../shared/api/procedure';
import type { api, PeopleImportReport, RejectedRow } from '../../shared/api';
import type { Context } from '../api/context';
import { AppError } from '../api/errors';
import { mapHeaders, requireColumns, type FieldSpec } from '../import/headers';
import { openTable } from '../import/table-reader';
import { parseIdNumber } from './id-number';
import { normalizeName } from './names';
import { createPerson, findPersonByIdNumber, getPerson, updatePerson, type PersonInput } from './people';
import { findUnitByCodeOrName } from './units';

/** The `people` dataset of FORMATS.md. */
export const PEOPLE_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: '姓名', required: true },
  { key: 'id_number', label: '身份证号', aliases: ['公民身份号码'], required: true },
  { key: 'unit', label: '工作单位', aliases: ['单位', '单位代码'], required: false },
  { key: 'position', label: '职务', required: false },
  { key: 'rank', label: '职级', required: false },
  { key: 'category', label: '人员类别', required: false },
  { key: 'phone', label: '联系电话', required: false },
];

const OPTIONAL_KEYS = ['position', 'rank', 'category', 'phone'] as const;

const REASONS = {
  required: 'required field is empty',
  idNumber_format: 'not an ID number',
  idNumber_birthDate: 'the birth date in the ID number does not exist',
  idNumber_checkCharacter: 'wrong check character',
  unknownUnit: 'unknown unit',
  duplicateInFile: 'the same ID number appears earlier in the file',
  outOfScope: 'the person or unit is outside your scope',
} as const;

function reject(row: number, field: string, reason: keyof typeof REASONS, details?: Record<string, string>): RejectedRow {
  return { row, field, reason: REASONS[reason], reasonKey: `import.reason.${reason}`, ...(details ? { details } : {}) };
}

interface AcceptedRow {
  row: number;
  person: Partial<PersonInput> & { name: string; idNumber: string };
}

/**
 * Imports a people file: every readable row creates or updates the person with that ID number,
 * every other row is reported with its number, field and reason. The accepted rows are written
 * in one transaction, so a failure leaves the registry as it was.
 */
export async function importPeople(ctx: Context, input: ParsedInputOf<typeof api.people.import>): Promise<PeopleImportReport> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const table = await openTable({ bytes }, input.fileName, input.sheet ? { sheet: input.sheet } : {});
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOf = new Map<string, number>();
  let rows = 0;
  try {
    const mapping = mapHeaders(table.headers, PEOPLE_FIELDS);
    requireColumns(mapping);
    const cell = (cells: string[], key: string) => {
      const index = mapping.columns[key];
      return index === undefined ? undefined : (cells[index] ?? '').trim();
    };
    const jobId = `people-import-${ctx.now().getTime()}`;
    for await (const { rowNumber, cells } of table.rows) {
      rows++;
      if (rows % 500 === 0) ctx.emit('import.progressed', { jobId, rows, total: null });
      const name = cell(cells, 'name') ?? '';
      const rawId = cell(cells, 'id_number') ?? '';
      if (!name) { rejected.push(reject(rowNumber, '姓名', 'required')); continue; }
      if (!rawId) { rejected.push(reject(rowNumber, '身份证号', 'required')); continue; }
      const id = parseIdNumber(rawId);
      if (!id.valid) {
        rejected.push(reject(rowNumber, '身份证号', `idNumber_${id.problem}`, { value: rawId }));
        continue;
      }
      const earlier = firstRowOf.get(id.idNumber);
      if (earlier !== undefined) {
        rejected.push(reject(rowNumber, '身份证号', 'duplicateInFile', { firstRow: String(earlier) }));
        continue;
      }
      const person: AcceptedRow['person'] = { name: normalizeName(name), idNumber: id.idNumber };
      const unitText = cell(cells, 'unit');
      if (unitText !== undefined) {
        const unit = unitText ? findUnitByCodeOrName(ctx.db, unitText) : undefined;
        if (unitText && !unit) { rejected.push(reject(rowNumber, '工作单位', 'unknownUnit', { value: unitText })); continue; }
        person.unitId = unit?.id ?? null;
      }
      for (const key of OPTIONAL_KEYS) {
        const value = cell(cells, key);
        if (value !== undefined) person[key] = value || null;
      }
      firstRowOf.set(id.idNumber, rowNumber);
      accepted.push({ row: rowNumber, person });
    }
  } finally {
    await table.close();
  }

  const { scope } = ctx.caller;
  const counts = ctx.write(
    (w) => {
      const now = ctx.now();
      let created = 0;
      let updated = 0;
      for (const { row, person } of accepted) {
        try {
          const existing = findPersonByIdNumber(w.db, person.idNumber);
          if (!existing) {
            createPerson(w, { unitId: null, position: null, rank: null, category: null, phone: null, ...person }, now, scope);
            created++;
            continue;
          }
          const { id: _id, unitName: _unitName, gender: _g, birthDate: _b, updatedAt: _u, ...current } = getPerson(w.db, existing.id, scope);
          if (updatePerson(w, existing.id, { ...current, ...person }, now, scope)) updated++;
        } catch (error) {
          // scope is checked before anything of the row is written, so the rest of the file goes on
          if (!(error instanceof AppError) || (error.code !== 'OUT_OF_SCOPE' && error.code !== 'NOT_FOUND')) throw error;
          rejected.push(reject(row, '工作单位', 'outOfScope'));
        }
      }
      return { created, updated };
    },
    (result) => ({ fileName: input.fileName, rows, ...result, rejected: rejected.length }),
  );
  rejected.sort((a, b) => a.row - b.row);
  const imported = accepted.length - rejected.filter((r) => r.reasonKey === 'import.reason.outOfScope').length;
  return { fileName: input.fileName, rows, ...counts, unchanged: imported - counts.created - counts.updated, rejected };
}
