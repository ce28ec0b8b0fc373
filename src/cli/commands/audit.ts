import { parseArgs } from 'node:util';
import { api } from '../../shared/api';
import { AppError } from '../../core/api/errors';
import { run, withSession, type CliIo } from '../context';

/** `zhijian audit verify [--json]`: exit 1 when the chain is broken, naming the first broken entry. */
export async function verifyAudit(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const result = await withSession(values.db, io, (session) => run(session, api.audit.verify, {}));
  if (values.json) io.out(JSON.stringify(result));
  else if (result.ok) io.out(io.t('cli.auditOk', { entries: result.entries }));
  if (result.firstBroken) throw new AppError('AUDIT_BROKEN', { seq: result.firstBroken.seq, reason: result.firstBroken.reason });
}
