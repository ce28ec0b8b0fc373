import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { api } from '../../shared/api';
import { AppError } from '../../core/api/errors';
import { databasePath, openForCommand, run, type CliIo } from '../context';

/** Names of the commissions' seats that `init --org` knows without `--org-name`. */
const KNOWN_ORGS: Record<string, string> = { '530700': '丽江市' };

/** `zhijian init --db FILE [--org 530700] [--org-name NAME]`: a new, empty database with its root unit. */
export async function init(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      org: { type: 'string', default: '530700' },
      'org-name': { type: 'string' },
      // accounts arrive with the accounts issue; accepted now so scripts written to the contract run
      admin: { type: 'string' },
      password: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = databasePath(values.db, io.env);
  if (fs.existsSync(file) && fs.statSync(file).size > 0) throw new AppError('DB_EXISTS', { file });
  const name = values['org-name'] ?? KNOWN_ORGS[values.org];
  if (!name) throw new AppError('INVALID_INPUT', { issues: [`--org-name is required for --org ${values.org}`] });
  const core = openForCommand(file, true);
  try {
    const root = await run(core, api.units.create, { code: values.org, name, kind: 'city', parentId: null });
    const result = { db: file, nodeId: core.nodeId, schemaVersion: core.schemaVersion, org: { code: root.code, name: root.name } };
    io.out(values.json ? JSON.stringify(result) : `${file}: ${root.code} ${root.name}, node ${core.nodeId}`);
  } finally {
    core.close();
  }
}
