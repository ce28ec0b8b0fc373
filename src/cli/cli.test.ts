// The `zhijian` command as a user runs it: `node bin/zhijian.js …` in a child process, English
// messages (ZHIJIAN_LANG=en) unless a test asks for Chinese. Each spawn costs about 1.5 s (tsx
// compiles the CLI) plus about 1 s per login on a slot written at the production scrypt cost, so
// the tests spawn little, run independent commands side by side, and build the database most of
// them use in-process at the test scrypt cost (a slot records its own cost).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type AuditVerification, type BackupInfo, type OrgUnit, type PeopleImportReport, type Person, type UserRow } from '../shared/api';
import { REPO_ROOT } from '../core/paths';
import { ADMIN, syntheticId, testCore } from '../core/testing/fixtures';

const BIN = path.join(REPO_ROOT, 'bin/zhijian.js');
const ROOT_PASSWORD = 'Lijiang-city-2026';
const RECOVERY_KEY = /\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){10}\b/g;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command with no terminal (stdin is not a TTY, so nothing is ever asked). */
function zhijian(args: string[], env: Record<string, string> = {}): Promise<Run> {
  // the test runner's own ZHIJIAN_* variables must not leak into the command
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('ZHIJIAN_')));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, ZHIJIAN_LANG: 'en', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const asAdmin = { ZHIJIAN_USER: ADMIN.username, ZHIJIAN_PASSWORD: ADMIN.password };

function succeeded(run: Run, what: string): string {
  expect(run.stderr, what).toBe('');
  expect(run.code, what).toBe(0);
  return run.stdout;
}

/** Exit code 1 and exactly one line on stderr (no stack trace), containing `message`; nothing on stdout. */
function expectRefused(run: Run, message: string, what = message): void {
  expect(run.code, what).toBe(1);
  expect(run.stderr.trimEnd().split('\n'), what).toEqual([expect.stringContaining(message)]);
  expect(run.stdout, what).toBe('');
}

/** The files' SHA-256 digests: to show that a refused command changed nothing. */
function digests(...files: string[]): string[] {
  return files.map((file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
}

let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-cli-'));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A folder of the work folder, for one group of commands. */
function folder(...names: string[]): string {
  const dir = path.join(work, ...names);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A set-up database (administrator ADMIN at the test scrypt cost) with a county under the city, closed. */
async function registryDatabase(dir: string): Promise<string> {
  const { core, dbFile } = await testCore({ dbFile: path.join(dir, 'zhijian.db'), lifetime: 'file' });
  const [root] = (await core.call(api.units.list.name, {})) as OrgUnit[];
  await core.call(api.units.create.name, { code: '530721', name: '玉龙纳西族自治县', kind: 'county', parentId: root!.id });
  core.close();
  return dbFile;
}

// the four groups share nothing but the work folder: they run side by side (each spawn is mostly
// waiting on tsx and scrypt), the commands inside a group one after another where they depend
describe.concurrent('the zhijian command', () => {
  it('init creates an encrypted database and its key slots, prints the recovery key once, and refuses a wrong password', async () => {
    const db = path.join(folder('init'), 'city.db');
    const stdout = succeeded(await zhijian(['init', '--db', db, '--admin', 'root', '--password', ROOT_PASSWORD]), 'init');
    const keys = stdout.match(RECOVERY_KEY) ?? [];
    expect(keys).toHaveLength(1);
    expect(stdout).toContain(`Recovery key (shown this once only: print it and keep it in the safe): ${keys[0]}`);

    expect(fs.existsSync(db) && fs.existsSync(`${db}.keys`)).toBe(true);
    expect(fs.readFileSync(db).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const slots = fs.readFileSync(`${db}.keys`, 'utf8');
    expect(JSON.parse(slots)).toMatchObject({ format: 'zhijian-keyslots', slots: [{ kind: 'user', username: 'root' }, { kind: 'recovery' }] });
    expect(slots).not.toContain(keys[0]);
    expect(slots).not.toContain(ROOT_PASSWORD);

    expectRefused(await zhijian(['people', 'list', '--db', db], { ZHIJIAN_USER: 'root', ZHIJIAN_PASSWORD: 'Not-the-password-1' }), 'Wrong username or password');
  }, 180_000);

  it('fails with exit code 1 and one translated line, never a stack trace', async () => {
    const dir = folder('refusals');
    const db = await registryDatabase(dir);
    const notDb = path.join(dir, 'notes.db');
    fs.writeFileSync(notDb, 'these are not the rows you are looking for');
    const cases: [string[], Record<string, string>, string][] = [
      [['people', 'list', '--db', notDb], asAdmin, `${notDb} is not a database file`],
      [['people', 'list', '--db', path.join(dir, 'missing.db')], asAdmin, `The database file ${path.join(dir, 'missing.db')} does not exist`],
      [['people', 'list'], asAdmin, '--db FILE (or ZHIJIAN_DB) is required'],
      [['people', 'list', '--db', db, '--bogus'], asAdmin, "Invalid input: Unknown option '--bogus'"],
      [['import', '--dataset', 'pets', 'x.csv', '--db', db], asAdmin, 'known datasets: people, disbursements, deaths'],
      // no credentials and no terminal to ask on
      [['people', 'list', '--db', db], {}, 'Please log in'],
      [['init', '--db', db, '--admin', 'root', '--password', ROOT_PASSWORD], {}, 'This database is already set up'],
      [['people', 'list', '--db', notDb], { ...asAdmin, ZHIJIAN_LANG: 'zh-CN' }, `${notDb} 不是数据库文件`],
    ];
    const before = digests(db, `${db}.keys`);
    const runs = await Promise.all(cases.map(([args, env]) => zhijian(args, env)));
    runs.forEach((run, i) => expectRefused(run, cases[i]![2], cases[i]![0].join(' ')));
    expect(digests(db, `${db}.keys`)).toEqual(before);
  }, 180_000);

  it('imports and lists people, manages users, verifies the audit trail, and backs up and restores as the acting user', async () => {
    const dir = folder('registry');
    const db = await registryDatabase(dir);
    const env = { ...asAdmin, ZHIJIAN_DB: db };

    const good = [syntheticId('530702', '19760405', '118'), syntheticId('530721', '19820917', '235')];
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(
      file,
      ['姓名,身份证号,工作单位', `和玉兰,${good[0]},丽江市`, `木华,${good[0]!.slice(0, 17)}0,丽江市`, `杨光,${good[1]},玉龙纳西族自治县`, `,${syntheticId('530721', '19900101', '017')},丽江市`].join('\n'),
    );
    const report = JSON.parse(succeeded(await zhijian(['people', 'import', file, '--json'], env), 'import')) as PeopleImportReport;
    expect(report).toMatchObject({ rows: 4, created: 2, updated: 0 });
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, '身份证号'],
      [5, '姓名'],
    ]);

    const listed = JSON.parse(succeeded(await zhijian(['people', 'list', '--json'], env), 'people list')) as Person[];
    expect(listed.map((p) => [p.name, p.idNumber, p.unitName]).sort()).toEqual([
      ['和玉兰', good[0], '丽江市'],
      ['杨光', good[1], '玉龙纳西族自治县'],
    ]);

    succeeded(await zhijian(['users', 'add', 'ylhe', '--unit', '530721', '--role', 'county_officer', '--password', 'County-officer-2026', '--name', '和丽萍'], env), 'users add');
    const users = JSON.parse(succeeded(await zhijian(['users', 'list', '--json'], env), 'users list')) as UserRow[];
    expect(users.find((u) => u.username === 'ylhe')).toMatchObject({ displayName: '和丽萍', roleCode: 'county_officer', unitName: '玉龙纳西族自治县', disabled: false });
    expect(succeeded(await zhijian(['users', 'disable', 'ylhe'], env), 'users disable')).toContain('ylhe: disabled');
    // disabling revokes the user's key slot: the password no longer opens anything
    expectRefused(await zhijian(['people', 'list'], { ZHIJIAN_DB: db, ZHIJIAN_USER: 'ylhe', ZHIJIAN_PASSWORD: 'County-officer-2026' }), 'Wrong username or password');
    expect((JSON.parse(fs.readFileSync(`${db}.keys`, 'utf8')) as { slots: { username?: string }[] }).slots.map((s) => s.username)).not.toContain('ylhe');

    const audit = JSON.parse(succeeded(await zhijian(['audit', 'verify', '--json'], env), 'audit verify')) as AuditVerification;
    expect(audit).toEqual({ ok: true, entries: expect.any(Number), forks: 0, firstBroken: null });
    expect(audit.entries).toBeGreaterThan(8);

    const backupFile = path.join(dir, 'backups', 'registry-backup.db');
    const info = JSON.parse(succeeded(await zhijian(['backup', '--out', backupFile, '--json'], env), 'backup')) as BackupInfo;
    expect(info).toMatchObject({ file: backupFile, bytes: fs.statSync(backupFile).size });
    expect(digests(`${backupFile}.keys`)).toEqual(digests(`${db}.keys`));

    // restored to a different file, which then opens with the same password and holds the same people
    const targetDir = folder('registry', 'restored');
    const restored = path.join(targetDir, 'zhijian.db');
    const result = JSON.parse(succeeded(await zhijian(['restore', backupFile, '--db', restored, '--json'], asAdmin), 'restore')) as unknown;
    expect(result).toEqual({ restored, keptAside: null });
    const relisted = JSON.parse(succeeded(await zhijian(['people', 'list', '--json', '--db', restored], asAdmin), 'list restored')) as Person[];
    expect(relisted).toEqual(listed);

    // a backup without its key slots, and a cut-off one, are refused before the target is touched
    const noKeys = path.join(dir, 'backups', 'no-keys.db');
    fs.copyFileSync(backupFile, noKeys);
    const truncated = path.join(dir, 'backups', 'truncated.db');
    fs.writeFileSync(truncated, fs.readFileSync(backupFile).subarray(0, Math.floor(fs.statSync(backupFile).size / 2) + 100));
    fs.copyFileSync(`${backupFile}.keys`, `${truncated}.keys`);
    const before = fs.readdirSync(targetDir).sort();
    const target = digests(restored, `${restored}.keys`);
    const [missing, cut] = await Promise.all([
      zhijian(['restore', noKeys, '--db', restored], asAdmin),
      zhijian(['restore', truncated, '--db', restored], asAdmin),
    ]);
    expectRefused(missing, `its key slots file ${noKeys}.keys is missing`);
    expectRefused(cut, `The database file ${truncated} is corrupt`);
    expect(digests(restored, `${restored}.keys`)).toEqual(target);
    expect(fs.readdirSync(targetDir).sort()).toEqual(before);
  }, 240_000);

  it('demo creates a database with the demo commission, prints the demo accounts and the recovery key', async () => {
    const db = path.join(folder('demo'), 'demo.db');
    const stdout = succeeded(await zhijian(['demo', '--db', db]), 'demo');
    expect(stdout).toMatch(/demo\.db: \d+ units, \d+ people\n/);
    expect(stdout).toContain('Demo accounts: admin, leader, casemgmt, analyst, auditor, oversight, yulong, ninglang (password lijiang-demo-2026 for all)');
    expect(stdout.match(RECOVERY_KEY)).toHaveLength(1);
    expect(Number(/(\d+) people/.exec(stdout)![1])).toBeGreaterThan(1000);
    expect(fs.existsSync(db) && fs.existsSync(`${db}.keys`)).toBe(true);
  }, 180_000);
});
