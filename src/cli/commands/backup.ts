import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/api/errors';
import { api } from '../../shared/api';
import { backupKeySlots, restoreBackup } from '../../core/backup/backup';
import { MIGRATIONS_DIR } from '../../core/paths';
import { credentials, databasePath, run, withSession, type CliIo } from '../context';

/** `zhijian backup --out FILE`: a consistent, still-encrypted copy of the database and its key slots. */
export async function backup(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.out) throw new AppError('INVALID_INPUT', { issues: ['--out FILE is required'] });
  const out = path.resolve(values.out);
  const info = await withSession(values.db, io, (session) => run(session, api.backup.create, { file: out }));
  io.out(values.json ? JSON.stringify(info) : `${info.file}: ${info.bytes} bytes`);
}

/** `zhijian restore FILE [--db TARGET]`: checks the backup with the user's password, then replaces TARGET, keeping it aside. */
export async function restore(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const [file] = positionals;
  if (!file) throw new AppError('INVALID_INPUT', { issues: ['restore FILE'] });
  const backupFile = path.resolve(file);
  const target = databasePath(values.db, io.env);
  // a missing backup or key slots file is reported before anyone is asked for a password
  backupKeySlots(backupFile);
  const result = restoreBackup(backupFile, target, await credentials(io), MIGRATIONS_DIR, new Date());
  io.out(values.json ? JSON.stringify(result) : `${result.restored}${result.keptAside ? ` (previous database kept as ${result.keptAside})` : ''}`);
}
