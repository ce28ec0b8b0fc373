// `npm run serve`: builds the UI when it is missing or older than its sources, then runs the server.
import { spawnSync } from 'node:child_process';
import { ensureUiBuilt } from './ui-build.mjs';

ensureUiBuilt();
const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
