// `node --import tsx scripts/bench/cases-only.ts DIR`: builds the 100,000-clue database in DIR
// once (or reopens it) and prints the case figures; for working on the case queries alone.
import fs from 'node:fs';
import path from 'node:path';
import { api, type SessionOpened } from '../../src/shared/api';
import { openCore } from '../../src/core/api/core';
import { MIGRATIONS_DIR } from '../../src/core/paths';
import { buildCaseBench, measureCases, PASSWORD } from './cases';

const dir = process.argv[2] ?? fs.mkdtempSync('/tmp/zhijian-cases-');
fs.mkdirSync(dir, { recursive: true });
const dbFile = path.join(dir, 'cases-bench.db');
const opened = fs.existsSync(dbFile)
  ? await (async () => {
      const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR });
      const login = (await core.call(api.auth.login.name, { username: 'admin', password: PASSWORD })) as SessionOpened;
      return { core, session: login.sessionToken! };
    })()
  : await buildCaseBench(dbFile);
try {
  await measureCases(opened.core, opened.session);
} finally {
  opened.core.close();
}
