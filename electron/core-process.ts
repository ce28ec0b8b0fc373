// The core in an Electron utility process, so that a long import never freezes the window.
// Main sends `init` (database and migrations folders), then calls; see core-protocol.ts.
import { openCore } from '../src/core/api/core';
import { createCoreHost } from './core-host';
import type { FromCore } from './core-protocol';

const port = process.parentPort;

const host = createCoreHost({
  openCore,
  post: (message: FromCore) => port.postMessage(message),
  exit: (code) => process.exit(code),
  log: (error) => console.error('[core]', error),
});

port.on('message', (event) => {
  void host.handle(event.data);
});

// killed or shut down without a `close`: still close the database and remove the lock file
process.on('exit', () => host.dispose());
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    host.dispose();
    process.exit(0);
  });
}
