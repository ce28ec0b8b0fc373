import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { api } from '../../shared/api';
import { AppError } from '../../core/api/errors';
import { databasePath, openForCommand, run, type CliIo } from '../context';

/** `zhijian demo --db FILE`: a new database filled with the synthetic Lijiang commission. */
export async function demo(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const file = databasePath(values.db, io.env);
  if (fs.existsSync(file) && fs.statSync(file).size > 0) throw new AppError('DB_EXISTS', { file });
  const core = openForCommand(file, true);
  try {
    const result = await run(core, api.system.loadDemo, {});
    io.out(values.json ? JSON.stringify({ db: file, ...result }) : `${file}: ${result.units} units, ${result.people} people`);
  } finally {
    core.close();
  }
}
