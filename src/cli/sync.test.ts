// `zhijian sync export|import|status` between two databases made by `zhijian init` (two nodes of
// the commission), in-process with a captured terminal: a person registered at one office reaches
// the other by file.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdentityFile, Person, SyncStatus } from '../shared/api';
import { createTranslator } from '../shared/i18n/translate';
import { syntheticId, tempDir } from '../core/testing/fixtures';
import type { CliIo } from './context';
import { runCli } from './run';

const PASSWORD = 'Lijiang-node-2026';

async function zhijian(args: string[], db: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: { ZHIJIAN_USER: 'root', ZHIJIAN_PASSWORD: PASSWORD, ZHIJIAN_DB: db }, t: createTranslator('en') };
  const code = await runCli(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function ok(args: string[], db: string): Promise<string> {
  const run = await zhijian(args, db);
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.code, args.join(' ')).toBe(0);
  return run.stdout;
}

let dir: string;
const db = { city: '', county: '' };
const ids = { city: '', county: '' };

beforeAll(async () => {
  dir = tempDir('file');
  db.city = path.join(dir, 'city.db');
  db.county = path.join(dir, 'county.db');
  await Promise.all(Object.values(db).map((file) => ok(['init', '--db', file, '--admin', 'root', '--password', PASSWORD], file)));
  for (const [node, other] of [['city', 'county'], ['county', 'city']] as const) {
    const file = path.join(dir, `${node}.json`);
    await ok(['identity', 'export', '--out', file], db[node]);
    ids[node] = (JSON.parse(fs.readFileSync(file, 'utf8')) as IdentityFile).nodeId;
    await ok(['peers', 'add', file, '--scope', '530700'], db[other]);
  }
}, 120_000);

describe('zhijian sync', () => {
  it('carries a registered person from one office to the other by file, once', async () => {
    const person = syntheticId('530721', '19850312', '041');
    const csv = path.join(dir, 'people.csv');
    fs.writeFileSync(csv, `姓名,身份证号,工作单位\n和建华,${person},丽江市\n`);
    await ok(['people', 'import', csv], db.county);

    const bundle = path.join(dir, 'usb', 'to-city.zjb');
    const exported = JSON.parse(await ok(['sync', 'export', '--peer', ids.city, '--out', bundle, '--json'], db.county)) as { operations: number; file: string };
    expect(exported.file).toBe(bundle);
    expect(exported.operations).toBeGreaterThan(0);
    expect(fs.readdirSync(path.dirname(bundle))).toEqual(['to-city.zjb']);

    const waiting = (JSON.parse(await ok(['sync', 'status', '--json'], db.county)) as SyncStatus).peers[0]!;
    expect(waiting).toMatchObject({ nodeId: ids.city, state: 'active' });
    expect(waiting.waiting).toBeGreaterThan(0);

    expect(await ok(['sync', 'import', bundle], db.city)).toMatch(/applied \d+ operations/);
    const people = JSON.parse(await ok(['people', 'list', '--json'], db.city)) as Person[];
    expect(people.map((p) => [p.name, p.idNumber])).toEqual([['和建华', person]]);

    // the same file again changes nothing, and says so
    expect(await ok(['sync', 'import', bundle], db.city)).toContain('was imported before');
  });

  it('refuses a damaged file with one line, and still applies the good ones given with it', async () => {
    const good = path.join(dir, 'to-county.zjb');
    await ok(['sync', 'export', '--peer', ids.county, '--out', good], db.city);
    const damaged = path.join(dir, 'damaged.zjb');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(damaged, bytes.subarray(0, bytes.length - 10));
    const run = await zhijian(['sync', 'import', damaged, good], db.county);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^damaged\.zjb: The bundle (is damaged|signature)/);
    expect(run.stdout).toMatch(/^to-county\.zjb: applied/);
  });
});
