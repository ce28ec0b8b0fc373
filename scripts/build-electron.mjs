// `npm run build:electron`: bundles electron/{main,preload,core-process}.ts (and the welfare
// import's worker thread) into dist/electron/*.cjs. Only electron and better-sqlite3 stay outside the bundles; the core and
// its dependencies are bundled into core-process.cjs, the sandboxed preload into one file
// (a sandboxed preload can require nothing but 'electron').
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_OUT_DIR = path.join(root, 'dist', 'electron');

// src/core/paths.ts reads import.meta.url; in a CJS bundle it is the bundle's own file URL.
const importMetaUrl = {
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
};

const common = {
  bundle: true,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  external: ['electron', 'better-sqlite3'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

/** Builds the three bundles into `outDir` (dist/electron unless a test asks for elsewhere). */
export async function buildElectron(outDir = ELECTRON_OUT_DIR) {
  await Promise.all([
    esbuild.build({
      ...common,
      outdir: outDir,
      ...importMetaUrl,
      // the welfare import's worker thread, beside core-process.cjs (src/core/welfare/import/run-import.ts)
      entryPoints: { main: 'electron/main.ts', 'core-process': 'electron/core-process.ts', 'welfare-import-worker': 'src/core/welfare/import/worker.ts' },
      platform: 'node',
      target: 'node20',
    }),
    esbuild.build({
      ...common,
      outdir: outDir,
      entryPoints: { preload: 'electron/preload.ts' },
      platform: 'browser',
      target: 'chrome120',
    }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  await buildElectron(at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : ELECTRON_OUT_DIR);
}
