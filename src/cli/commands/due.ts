import { parseArgs } from 'node:util';
import { AppError } from '../../core/api/errors';
import { addDays, addMonths, addWorkingDays } from '../../core/calendar/deadline';
import { HOLIDAY_CALENDAR } from '../../core/calendar/holidays';
import type { CliIo } from '../context';

const STEPS = {
  'working-days': addWorkingDays,
  days: addDays,
  months: addMonths,
} as const;

type Step = keyof typeof STEPS;

function count(option: Step, text: string): number {
  if (!/^\d+$/.test(text)) throw new AppError('INVALID_INPUT', { issues: [`--${option} ${text}: a whole number`] });
  return Number(text);
}

/**
 * `zhijian due --from DATE (--working-days N | --days N | --months N) [--json]`: a deadline on
 * the statutory calendar of holidays and make-up working days. Needs no database.
 */
export async function due(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      'working-days': { type: 'string' },
      days: { type: 'string' },
      months: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.from) throw new AppError('INVALID_INPUT', { issues: ['--from DATE (YYYY-MM-DD) is required'] });
  const given = (Object.keys(STEPS) as Step[]).filter((option) => values[option] !== undefined);
  const [option] = given;
  if (given.length !== 1 || !option) {
    throw new AppError('INVALID_INPUT', { issues: ['exactly one of --working-days N, --days N, --months N'] });
  }
  const date = STEPS[option](HOLIDAY_CALENDAR, values.from, count(option, values[option]!));
  io.out(values.json ? JSON.stringify({ due: date }) : date);
}
