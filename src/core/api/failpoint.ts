/**
 * Named places where a test can stop a process in the middle of an operation (to kill it there
 * and check that nothing was half-written). Inert unless the environment names the place:
 * ZHIJIAN_FAILPOINT=<name> makes the process write ZHIJIAN_FAILPOINT_FILE when it gets there and
 * then wait, blocked, for the test to kill it.
 */
import fs from 'node:fs';

export function failpoint(name: string): void {
  if (process.env.ZHIJIAN_FAILPOINT !== name) return;
  const marker = process.env.ZHIJIAN_FAILPOINT_FILE;
  if (marker) fs.writeFileSync(marker, name);
  // blocks this thread (and so the open transaction) until the process is killed
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
}
