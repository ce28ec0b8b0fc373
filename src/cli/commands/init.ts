import { parseArgs } from 'node:util';
import { api, DEFAULT_SYNC_SUITE, SYNC_SUITES, type SessionOpened } from '../../shared/api';
import { AppError } from '../../core/api/errors';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../core/demo/accounts';
import { openCore } from '../../core/api/core';
import { MIGRATIONS_DIR } from '../../core/paths';
import { databasePath, openNew, type CliIo } from '../context';

/** Names of the commissions' seats that `init --org` knows without `--org-name`. */
const KNOWN_ORGS: Record<string, string> = { '530700': '丽江市' };

type Setup = SessionOpened & { recoveryKey: string };

function printRecoveryKey(io: CliIo, recoveryKey: string): void {
  io.out(io.t('cli.recoveryKey', { key: recoveryKey }));
}

/**
 * `zhijian init --db FILE --admin NAME --password PW [--org 530700] [--org-name NAME] [--suite ID]`:
 * a new encrypted database, its administrator, this node's sync keys in the deployment's cipher
 * suite (default x25519-ed25519-xchacha20poly1305; sm2-sm3-sm4gcm for the Chinese commercial
 * algorithms), and the recovery key, printed once.
 */
export async function init(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      org: { type: 'string', default: '530700' },
      'org-name': { type: 'string' },
      suite: { type: 'string', default: DEFAULT_SYNC_SUITE },
      admin: { type: 'string' },
      password: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = databasePath(values.db, io.env);
  const admin = values.admin ?? io.env.ZHIJIAN_USER;
  const password = values.password ?? io.env.ZHIJIAN_PASSWORD;
  if (!admin || !password) throw new AppError('INVALID_INPUT', { issues: ['--admin NAME and --password PW are required'] });
  const name = values['org-name'] ?? KNOWN_ORGS[values.org];
  if (!name) throw new AppError('INVALID_INPUT', { issues: [`--org-name is required for --org ${values.org}`] });
  if (!(SYNC_SUITES as readonly string[]).includes(values.suite)) throw new AppError('INVALID_INPUT', { issues: [`--suite: one of ${SYNC_SUITES.join(', ')}`] });
  // an existing database that was never set up (plaintext, from before encryption) is encrypted in place
  const core = openCore({ dbFile: file, migrationsDir: MIGRATIONS_DIR });
  try {
    const setup = (await core.call(api.auth.setup.name, { username: admin, displayName: admin, password, org: { code: values.org, name }, suite: values.suite })) as Setup;
    if (values.json) io.out(JSON.stringify({ db: file, nodeId: core.nodeId, suite: values.suite, administrator: setup.user.username, recoveryKey: setup.recoveryKey }));
    else {
      io.out(`${file}: ${values.org} ${name}, ${setup.user.username}`);
      printRecoveryKey(io, setup.recoveryKey);
    }
  } finally {
    core.close();
  }
}

/** `zhijian demo --db FILE`: a new encrypted database with the synthetic commission and its demo accounts. */
export async function demo(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const file = databasePath(values.db, io.env);
  const core = openNew(file);
  try {
    const admin = DEMO_ACCOUNTS[0]!;
    const setup = (await core.call(api.auth.setup.name, { username: admin.username, displayName: admin.displayName, password: DEMO_PASSWORD, demo: true })) as Setup;
    const info = (await core.call(api.system.info.name, {}, setup.sessionToken)) as { counts: { units: number; people: number } };
    const accounts = DEMO_ACCOUNTS.map((a) => a.username);
    if (values.json) {
      io.out(JSON.stringify({ db: file, ...info.counts, accounts, password: DEMO_PASSWORD, recoveryKey: setup.recoveryKey }));
      return;
    }
    io.out(`${file}: ${info.counts.units} units, ${info.counts.people} people`);
    io.out(io.t('cli.demoAccounts', { accounts: accounts.join(', '), password: DEMO_PASSWORD }));
    printRecoveryKey(io, setup.recoveryKey);
  } finally {
    core.close();
  }
}
