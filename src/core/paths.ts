import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, for the Node shells (serve, CLI, tests); Electron passes its own paths. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'migrations');
export const UI_DIR = path.join(REPO_ROOT, 'dist', 'ui');

/** The database file inside an application data folder. */
export function databaseFileIn(dataDir: string): string {
  return path.join(dataDir, 'zhijian.db');
}
