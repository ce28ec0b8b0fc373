// better-sqlite3 built for Electron, without ever leaving node_modules built for the wrong runtime.
//
// npm installs better-sqlite3 for Node: tests, `serve` and the CLI use it as is. Electron has
// another ABI, so:
// - packaging (electron-builder, `npmRebuild: false`): `beforePack` keeps node_modules'
//   Node build aside, rebuilds the module for the target Electron version and arch, the
//   packager copies it into the app, and `afterPack` puts the Node build back. A packaging run
//   that died halfway is repaired by the next beforePack (or by `node scripts/electron-native.cjs
//   --restore`).
// - development (`npm start` with the Electron runtime present): a copy rebuilt for Electron in
//   dist/electron/node_modules, which is where dist/electron/core-process.cjs finds it first.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder require()s its hooks */

const fs = require('node:fs');
const path = require('node:path');

const MODULE = 'better-sqlite3';
/** builder-util's Arch enum, by value */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

function installedElectron(projectDir) {
  const dir = path.join(projectDir, 'node_modules', 'electron');
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  let abi;
  try {
    abi = Number(fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim()) || undefined;
  } catch {
    abi = undefined;
  }
  return { version, abi };
}

/** Rebuilds MODULE under `buildPath` (a folder with a package.json that depends on it) only. */
async function rebuildForElectron({ buildPath, electronVersion, forceABI, arch, platform }) {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath,
    projectRootPath: buildPath, // never walk up into another node_modules
    electronVersion,
    ...(forceABI ? { forceABI } : {}),
    arch,
    platform,
    onlyModules: [MODULE],
    force: true,
    mode: 'sequential',
  });
}

/** the rebuild step, replaceable by a test */
const steps = { rebuild: rebuildForElectron };

// --- packaging ------------------------------------------------------------------------------

function nodeBuildPaths(projectDir) {
  const moduleDir = path.join(projectDir, 'node_modules', MODULE);
  return { build: path.join(moduleDir, 'build'), kept: path.join(projectDir, 'node_modules', '.cache', 'zhijian-node-build', MODULE) };
}

/** Puts node_modules' Node build of MODULE back, if one was set aside. Safe to call any time. */
function restoreNodeBuild(projectDir = process.cwd()) {
  const { build, kept } = nodeBuildPaths(projectDir);
  if (!fs.existsSync(kept)) return false;
  fs.rmSync(build, { recursive: true, force: true });
  fs.cpSync(kept, build, { recursive: true });
  fs.rmSync(kept, { recursive: true, force: true });
  return true;
}

/** electron-builder hook: MODULE in node_modules rebuilt for the Electron and arch being packed. */
async function beforePack(context) {
  const projectDir = context.packager.info.projectDir;
  const arch = ARCH_NAMES[context.arch];
  const installed = installedElectron(projectDir);
  const electronVersion = context.packager.info.framework.version || context.packager.config.electronVersion || installed.version;
  const { build, kept } = nodeBuildPaths(projectDir);
  restoreNodeBuild(projectDir); // a previous run that never reached afterPack
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  fs.cpSync(build, kept, { recursive: true });
  console.log(`  • rebuilding ${MODULE} for Electron ${electronVersion} ${context.electronPlatformName}-${arch}`);
  try {
    await steps.rebuild({
      buildPath: projectDir,
      electronVersion,
      forceABI: electronVersion === installed.version ? installed.abi : undefined,
      arch,
      platform: context.electronPlatformName,
    });
  } catch (error) {
    restoreNodeBuild(projectDir);
    throw error;
  }
}

/** electron-builder hook: the Node build of MODULE back in node_modules for tests, serve, CLI. */
async function afterPack(context) {
  restoreNodeBuild(context.packager.info.projectDir);
}

// --- development ----------------------------------------------------------------------------

/**
 * Makes dist/electron/node_modules/MODULE a copy built for the installed Electron (once per
 * Electron version, arch and module version). Throws when it cannot be built (no compiler, no
 * Electron headers offline).
 */
async function prepareDevNative(projectDir = process.cwd()) {
  const installed = installedElectron(projectDir);
  const source = path.join(projectDir, 'node_modules', MODULE);
  const { version: moduleVersion } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  const stage = path.join(projectDir, 'dist', 'electron');
  const marker = path.join(stage, 'native.json');
  const wanted = { module: MODULE, moduleVersion, electron: installed.version, arch: process.arch };
  try {
    if (JSON.stringify(JSON.parse(fs.readFileSync(marker, 'utf8'))) === JSON.stringify(wanted)) return;
  } catch {
    // not built yet
  }
  const target = path.join(stage, 'node_modules', MODULE);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true, filter: (from) => path.relative(source, from) !== 'build' });
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify({ private: true, dependencies: { [MODULE]: moduleVersion } })}\n`);
  try {
    await steps.rebuild({ buildPath: stage, electronVersion: installed.version, forceABI: installed.abi, arch: process.arch, platform: process.platform });
  } catch (error) {
    // leave nothing half-built where core-process.cjs would find it
    fs.rmSync(path.join(stage, 'node_modules'), { recursive: true, force: true });
    fs.rmSync(path.join(stage, 'package.json'), { force: true });
    throw error;
  }
  fs.writeFileSync(marker, `${JSON.stringify(wanted)}\n`);
}

module.exports = { beforePack, afterPack, prepareDevNative, restoreNodeBuild, steps };

if (require.main === module) {
  if (process.argv.includes('--restore')) {
    console.log(restoreNodeBuild(process.cwd()) ? `${MODULE}: Node build restored` : `${MODULE}: nothing to restore`);
  } else if (process.argv.includes('--dev')) {
    prepareDevNative(process.cwd()).catch((error) => {
      console.error(error);
      process.exit(1);
    });
  } else {
    console.error('usage: node scripts/electron-native.cjs --dev | --restore');
    process.exit(2);
  }
}
