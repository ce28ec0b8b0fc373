/**
 * A file row to a dataset record, as FORMATS.md and the conventions of the `wf_*` tables say
 * (src/core/db/schema/welfare.ts): each field of the dataset is read by its kind into one or two
 * columns, and a row that cannot be read comes back as its rejections (field label, reason key,
 * details), every unreadable field of the row named at once. Pure: the same cells and the same
 * import date give the same record.
 */
import { DATASET_FIELDS, type Dataset } from '../../../shared/api/datasets';
import { parseAmountFen, parseDate, parseMonth, type ParseResult } from '../../import/normalize';
import { parseIdNumber } from '../../registry/id-number';
import { isPlainHan, normalizeName } from '../../registry/names';
import { isValidCreditCode } from './credit-code';
import { cleanCode, cleanText, parseArea, parseCapitalFen } from './values';

export type Value = string | number | null;

export interface Rejection {
  /** the field's Chinese column name */
  field: string;
  /** `import.reason.*` */
  reasonKey: string;
  details?: Record<string, string>;
}

export interface RowContext {
  /** the import date (YYYY-MM-DD): a birth date after it makes an ID number invalid */
  today: string;
  /** the cells come from XLSX, where a date may arrive as Excel's day serial */
  excelSerial: boolean;
}

/**
 * How a field fills its columns:
 * - text: cleaned text (null when empty); code: cleanCode
 * - name: normalised name, and the text as written when it differs (2 columns); plainName: the normalised name only
 * - id: the cleaned ID number and whether it is valid (2 columns); never rejected, an invalid one is flagged
 * - creditCode: the cleaned code and whether its check character is right (2 columns); never rejected
 * - date, month; amount (fen, not negative); capital (fen, 万元 allowed); area (a decimal)
 */
type Kind = 'text' | 'code' | 'name' | 'plainName' | 'id' | 'creditCode' | 'date' | 'month' | 'amount' | 'capital' | 'area';

interface FieldRead {
  key: string;
  kind: Kind;
  /** the columns of the `wf_*` table it fills (names as in src/core/db/schema/welfare.ts, checked by a test) */
  columns: string[];
  /** disbursements' paid_on: the 15th of the period when empty */
  defaultFromPeriod?: boolean;
}

// Column names as text, not drizzle's columns: the worker thread that runs this would otherwise
// load the whole schema and drizzle, a second of its start.
const read = (key: string, kind: Kind, ...columns: string[]): FieldRead => ({ key, kind, columns });
const named = (kind: Kind, ...keys: string[]): FieldRead[] => keys.map((key) => read(key, kind, key));

const READS: Record<Dataset, FieldRead[]> = {
  disbursements: [
    read('program', 'text', 'program'),
    read('period', 'month', 'period'),
    read('name', 'name', 'name', 'name_raw'),
    read('id_number', 'id', 'id_number', 'id_valid'),
    read('household_head_id', 'id', 'household_head_id', 'household_head_valid'),
    ...named('text', 'relation_to_head', 'county', 'township', 'village'),
    read('amount', 'amount', 'amount_fen'),
    { ...read('paid_on', 'date', 'paid_on'), defaultFromPeriod: true },
    read('bank_account', 'code', 'bank_account'),
    ...named('plainName', 'account_holder', 'approver_name'),
    read('approver_id', 'id', 'approver_id', 'approver_valid'),
  ],
  deaths: [read('name', 'name', 'name', 'name_raw'), read('id_number', 'id', 'id_number', 'id_valid'), read('died_on', 'date', 'died_on'), read('source', 'text', 'source')],
  officials: [
    read('name', 'name', 'name', 'name_raw'),
    read('id_number', 'id', 'id_number', 'id_valid'),
    ...named('text', 'unit', 'position', 'category', 'township', 'village'),
    ...named('date', 'start_on', 'end_on'),
  ],
  relatives: [
    read('official_id', 'id', 'official_id', 'official_valid'),
    read('name', 'name', 'name', 'name_raw'),
    read('id_number', 'id', 'id_number', 'id_valid'),
    read('relation', 'text', 'relation'),
  ],
  vehicles: [
    read('owner_name', 'name', 'owner_name', 'name_raw'),
    read('id_number', 'id', 'id_number', 'id_valid'),
    read('plate', 'code', 'plate'),
    read('vehicle_type', 'text', 'vehicle_type'),
    ...named('date', 'registered_on', 'deregistered_on'),
  ],
  properties: [
    read('owner_name', 'name', 'owner_name', 'name_raw'),
    read('id_number', 'id', 'id_number', 'id_valid'),
    ...named('text', 'location', 'use'),
    read('area_m2', 'area', 'area_m2'),
    read('registered_on', 'date', 'registered_on'),
  ],
  businesses: [
    read('company', 'text', 'company'),
    read('credit_code', 'creditCode', 'credit_code', 'credit_code_valid'),
    read('person_name', 'name', 'person_name', 'name_raw'),
    read('id_number', 'id', 'id_number', 'id_valid'),
    read('role', 'text', 'role'),
    read('capital', 'capital', 'capital_fen'),
    read('founded_on', 'date', 'founded_on'),
    read('status', 'text', 'status'),
  ],
  standards: [read('program', 'text', 'program'), read('county', 'text', 'county'), read('from_period', 'month', 'from_period'), read('max_amount', 'amount', 'max_amount_fen')],
};

const TABLES: Record<Dataset, string> = {
  disbursements: 'wf_disbursements',
  deaths: 'wf_deaths',
  officials: 'wf_officials',
  relatives: 'wf_relatives',
  vehicles: 'wf_vehicles',
  properties: 'wf_properties',
  businesses: 'wf_businesses',
  standards: 'wf_standards',
};

/** The table a dataset's rows go to. */
export const datasetTable = (dataset: Dataset): string => TABLES[dataset];

/**
 * The columns a record fills, in the order of its values (after batch_no and row), and whether
 * each may be NULL: an optional field's, and the text as written beside a name. A required
 * field's never is, nor a defaulted date, nor a credit code (kept even when empty).
 */
export function recordColumns(dataset: Dataset): { name: string; nullable: boolean }[] {
  const required = new Map(DATASET_FIELDS[dataset].map((f) => [f.key, f.required]));
  return READS[dataset].flatMap((field) =>
    field.columns.map((name, i) => ({
      name,
      nullable: (field.kind === 'name' && i === 1) || (!required.get(field.key) && !field.defaultFromPeriod && field.kind !== 'creditCode'),
    })),
  );
}

/** Why a value of each parsed kind is refused (`import.reason.*`). */
const UNREADABLE: Record<'date' | 'month' | 'amount' | 'capital' | 'area', string> = {
  date: 'badDate',
  month: 'badMonth',
  amount: 'badAmount',
  capital: 'badAmount',
  area: 'badNumber',
};

/** What an empty cell stores: nothing, except a credit code, which is kept (as '') and flagged invalid. */
function emptyValues(field: FieldRead, values: Value[]): void {
  if (field.kind === 'creditCode') values.push('', 0);
  else for (let i = 0; i < field.columns.length; i++) values.push(null);
}

const READ = 0;
const EMPTY = 1;

/** Plain text, as it is when it needs no cleaning (the fast path of names and texts). */
const cleanName = (raw: string): string => (isPlainHan(raw) ? raw : cleanText(raw));

function parsed(result: ParseResult<string | number>, kind: keyof typeof UNREADABLE, values: Value[]): typeof READ | typeof EMPTY | string {
  if (!result.ok) return result.reason === 'empty' ? EMPTY : UNREADABLE[kind];
  if (typeof result.value === 'number' && result.value < 0) return 'negativeAmount';
  values.push(result.value);
  return READ;
}

/** Reads a non-empty cell into the field's columns: READ, EMPTY (only blanks in it), or the reason it cannot be read. */
function readField(field: FieldRead, raw: string, values: Value[], context: RowContext): typeof READ | typeof EMPTY | string {
  switch (field.kind) {
    case 'text': {
      const text = cleanText(raw);
      if (text === '') return EMPTY;
      values.push(text);
      return READ;
    }
    case 'code': {
      const code = cleanCode(raw);
      if (code === '') return EMPTY;
      values.push(code);
      return READ;
    }
    case 'name':
    case 'plainName': {
      const text = cleanName(raw);
      if (text === '') return EMPTY;
      const name = normalizeName(text);
      if (field.kind === 'name') values.push(name, name === text ? null : text);
      else values.push(name);
      return READ;
    }
    case 'id': {
      // a valid number is clean whatever surrounded it; anything else is read again once cleaned
      let id = parseIdNumber(raw);
      if (!id.valid) {
        const text = cleanText(raw);
        if (text === '') return EMPTY;
        id = parseIdNumber(text);
      }
      values.push(id.idNumber, id.valid && id.birthDate <= context.today ? 1 : 0);
      return READ;
    }
    case 'creditCode': {
      const code = cleanCode(raw);
      values.push(code, isValidCreditCode(code) ? 1 : 0);
      return READ;
    }
    case 'date':
      return parsed(parseDate(raw, { excelSerial: context.excelSerial }), 'date', values);
    case 'month':
      return parsed(parseMonth(raw, { excelSerial: context.excelSerial }), 'month', values);
    case 'amount':
      return parsed(parseAmountFen(raw), 'amount', values);
    case 'capital':
      return parsed(parseCapitalFen(raw), 'capital', values);
    case 'area':
      return parsed(parseArea(raw), 'area', values);
  }
}

function rejection(field: string, reason: string, value?: string): Rejection {
  return { field, reasonKey: `import.reason.${reason}`, ...(value === undefined ? {} : { details: { value } }) };
}

export interface RecordReader {
  /**
   * Reads one row: pushes the record's values (in recordColumns order) onto `values` and returns
   * null, or returns the row's rejections (and `values` is to be discarded).
   */
  read(cells: string[], values: Value[]): Rejection[] | null;
}

/** A reader for the rows of one file: `columns` maps field keys to 0-based cells. */
export function recordReader(dataset: Dataset, columns: Record<string, number>, context: RowContext): RecordReader {
  const specs = new Map(DATASET_FIELDS[dataset].map((spec) => [spec.key, spec]));
  const fields = READS[dataset].map((field) => {
    const spec = specs.get(field.key)!;
    return { ...field, label: spec.label, required: spec.required, index: Object.hasOwn(columns, field.key) ? columns[field.key]! : -1 };
  });

  return {
    read(cells, values) {
      let rejections: Rejection[] | null = null;
      let period: string | null = null;
      for (const field of fields) {
        const raw = field.index < 0 ? '' : (cells[field.index] ?? '');
        // each kind cleans what it reads; a clean cell (most of them) is read as it is
        const outcome = raw === '' ? EMPTY : readField(field, raw, values, context);
        if (outcome === READ) {
          if (field.key === 'period') period = values[values.length - 1] as string;
        } else if (outcome === EMPTY) {
          if (field.defaultFromPeriod && period !== null) values.push(`${period}-15`);
          else if (field.required && field.kind !== 'creditCode') (rejections ??= []).push(rejection(field.label, 'required'));
          else emptyValues(field, values);
        } else {
          (rejections ??= []).push(rejection(field.label, outcome, cleanText(raw)));
        }
      }
      return rejections;
    },
  };
}
