import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { api, type AuthStatus } from '../shared/api';
import { createTranslator, errorMessage, languageFromEnv } from '../shared/i18n/translate';
import { openCore } from '../core/api/core';
import { clockFrom } from '../core/api/time';
import { toWireError } from '../core/api/errors';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../core/demo/accounts';
import { databaseFileIn, MIGRATIONS_DIR, UI_DIR } from '../core/paths';
import { startServer } from './server';

/** `npm run serve -- --port P --data DIR [--demo]`: prints the URL (with its token) to open. */
async function main(): Promise<void> {
  const t = createTranslator(languageFromEnv(process.env));
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string', default: path.join(process.cwd(), '.zhijian-data') },
      demo: { type: 'boolean', default: false },
      'idle-lock-seconds': { type: 'string' },
      /** run as if today were this date (YYYY-MM-DD): for demonstrations and tests of deadlines */
      today: { type: 'string' },
      /** the sync relay on the private network (`zhijian relay`), exchanged with in the background */
      relay: { type: 'string', default: process.env.ZHIJIAN_RELAY },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${t('errors.INVALID_INPUT', { issues: `--port ${values.port}` })}\n`);
    process.exit(1);
  }
  const idleLockSeconds = values['idle-lock-seconds'] ? Number(values['idle-lock-seconds']) : undefined;
  let core;
  try {
    fs.mkdirSync(values.data, { recursive: true });
    core = openCore({
      dbFile: databaseFileIn(values.data),
      migrationsDir: MIGRATIONS_DIR,
      exclusive: true,
      ...(idleLockSeconds ? { idleLockSeconds } : {}),
      ...(values.today ? { now: clockFrom(values.today) } : {}),
      ...(values.relay ? { relayUrl: values.relay } : {}),
    });
    if (values.demo) {
      const status = (await core.call(api.auth.status.name, {})) as AuthStatus;
      if (status.state === 'setup') {
        const admin = DEMO_ACCOUNTS[0]!;
        await core.call(api.auth.setup.name, { username: admin.username, displayName: admin.displayName, password: DEMO_PASSWORD, demo: true });
        // the demo's published accounts: synthetic data only
        process.stdout.write(`Demo accounts: ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')} (password ${DEMO_PASSWORD})\n`);
      }
    }
  } catch (error) {
    process.stderr.write(`${errorMessage(t, toWireError(error))}\n`);
    process.exit(1);
  }
  const server = await startServer({ core, uiDir: UI_DIR, port, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`Zhijian serving at ${server.url}\n`);
  const stop = () => {
    void server.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
