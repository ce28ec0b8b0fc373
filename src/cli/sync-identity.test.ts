// `zhijian identity export` and `zhijian peers add|list|revoke` run in-process (runCli with a
// captured terminal) on databases made by `zhijian init`: each one is a node.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdentityFile, Peer } from '../shared/api';
import { createTranslator } from '../shared/i18n/translate';
import { tempDir } from '../core/testing/fixtures';
import type { CliIo } from './context';
import { runCli } from './run';

const PASSWORD = 'Lijiang-node-2026';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** what the command asked on the terminal */
  asked: string[];
}

/** Runs the command as `root`; with `answer`, stdin is a terminal and every question gets it. */
async function zhijian(args: string[], answer?: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { ZHIJIAN_USER: 'root', ZHIJIAN_PASSWORD: PASSWORD },
    t: createTranslator('en'),
    ...(answer === undefined ? {} : { prompt: async (question: string) => (asked.push(question), answer) }),
  };
  const code = await runCli(args, io);
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join(''), asked };
}

function succeeded(run: Run, what: string): string {
  expect(run.stderr, what).toBe('');
  expect(run.code, what).toBe(0);
  return run.stdout;
}

function refused(run: Run, message: string): void {
  expect(run.code, message).toBe(1);
  expect(run.stderr.trimEnd().split('\n'), message).toEqual([expect.stringContaining(message)]);
}

/** The fingerprint as the commands print it: 3 lines of 4 groups. */
const printed = (fingerprint: string) => fingerprint.split(' ').reduce((lines, group, i) => (i % 4 === 0 ? [...lines, group] : [...lines.slice(0, -1), `${lines.at(-1)}  ${group}`]), [] as string[]);

let dir: string;
const db = { city: '', county: '', sm: '' };

beforeAll(async () => {
  dir = tempDir('file');
  db.city = path.join(dir, 'city.db');
  db.county = path.join(dir, 'county.db');
  db.sm = path.join(dir, 'sm.db');
  const inits = await Promise.all([
    zhijian(['init', '--db', db.city, '--admin', 'root', '--password', PASSWORD]),
    zhijian(['init', '--db', db.county, '--admin', 'root', '--password', PASSWORD, '--org', '530721', '--org-name', '玉龙纳西族自治县']),
    zhijian(['init', '--db', db.sm, '--admin', 'root', '--password', PASSWORD, '--org', '530722', '--org-name', '永胜县', '--suite', 'sm2-sm3-sm4gcm', '--json']),
  ]);
  inits.forEach((run, i) => succeeded(run, `init ${i}`));
  expect(JSON.parse(inits[2]!.stdout)).toMatchObject({ suite: 'sm2-sm3-sm4gcm' });
}, 120_000);

describe('zhijian identity and peers', () => {
  it('exports a node’s identity, adds it as a peer on another node after asking, lists and revokes it', async () => {
    const cityFile = path.join(dir, 'out', 'city.json');
    const exported = succeeded(await zhijian(['identity', 'export', '--db', db.city, '--out', cityFile]), 'export');
    const identity = JSON.parse(fs.readFileSync(cityFile, 'utf8')) as IdentityFile;
    expect(identity).toMatchObject({ format: 'zhijian-node', version: 1, unitCode: '530700', unitName: '丽江市', suite: 'x25519-ed25519-xchacha20poly1305' });
    expect(exported.split('\n')).toEqual(expect.arrayContaining(printed(identity.fingerprint).map((line) => `  ${line}`)));
    expect(exported).toContain(identity.nodeId);

    // on a terminal: the fingerprint first, then the question; "no" adds nothing
    const declined = await zhijian(['peers', 'add', cityFile, '--scope', '530721', '--db', db.county], 'n');
    expect(succeeded(declined, 'declined')).toContain('Not added; nothing was changed');
    expect(declined.asked).toEqual(['All 12 groups match: add it as a peer? (y/N) ']);
    expect(declined.stdout).toContain('compare all 12 groups');
    expect(declined.stdout).toContain(printed(identity.fingerprint)[0]);
    expect(JSON.parse(succeeded(await zhijian(['peers', 'list', '--json', '--db', db.county]), 'list empty'))).toEqual([]);

    const added = succeeded(await zhijian(['peers', 'add', cityFile, '--scope', '530721', '--db', db.county], 'y'), 'added');
    expect(added).toContain(`Peer ${identity.nodeId} (丽江市) added; it receives the data of 530721 玉龙纳西族自治县`);
    const peers = JSON.parse(succeeded(await zhijian(['peers', 'list', '--json', '--db', db.county]), 'list')) as Peer[];
    expect(peers).toEqual([
      expect.objectContaining({ nodeId: identity.nodeId, name: '丽江市', scopeCode: '530721', state: 'active', fingerprint: identity.fingerprint, lastBundleIn: null }),
    ]);
    refused(await zhijian(['peers', 'add', cityFile, '--scope', '530721', '--db', db.county]), `The node ${identity.nodeId} is already a peer`);

    expect(succeeded(await zhijian(['peers', 'revoke', identity.nodeId, '--db', db.county]), 'revoke')).toContain(`Peer ${identity.nodeId} (丽江市) revoked`);
    const listed = succeeded(await zhijian(['peers', 'list', '--db', db.county]), 'list revoked');
    expect(listed.trimEnd().split('\t')).toEqual(expect.arrayContaining([identity.nodeId, 'revoked', identity.fingerprint]));
  }, 120_000);

  it('adds at once without a terminal: the command is the confirmation', async () => {
    const countyFile = path.join(dir, 'county.json');
    const exported = JSON.parse(succeeded(await zhijian(['identity', 'export', '--db', db.county, '--out', countyFile, '--json']), 'export')) as IdentityFile & { file: string };
    expect(exported.file).toBe(countyFile);
    const peer = JSON.parse(succeeded(await zhijian(['peers', 'add', countyFile, '--scope', '530700', '--db', db.city, '--json']), 'add')) as Peer;
    expect(peer).toMatchObject({ nodeId: exported.nodeId, name: '玉龙纳西族自治县', scopeCode: '530700', state: 'active' });
  }, 60_000);

  it('refuses a scope that is no unit here, another suite, this node itself and a file that is no identity, in one line', async () => {
    const smFile = path.join(dir, 'sm.json');
    const cityFile = path.join(dir, 'city-again.json');
    const [sm, city] = await Promise.all([
      zhijian(['identity', 'export', '--db', db.sm, '--out', smFile]),
      zhijian(['identity', 'export', '--db', db.city, '--out', cityFile]),
    ]);
    succeeded(sm, 'export sm');
    succeeded(city, 'export city');
    const notJson = path.join(dir, 'notes.json');
    fs.writeFileSync(notJson, 'call the county on Monday');
    const tampered = path.join(dir, 'tampered.json');
    const identity = JSON.parse(fs.readFileSync(smFile, 'utf8')) as IdentityFile;
    fs.writeFileSync(tampered, JSON.stringify({ ...identity, signingPublic: identity.encryptionPublic, encryptionPublic: identity.signingPublic }));

    const runs = await Promise.all([
      zhijian(['peers', 'add', cityFile, '--scope', '530799', '--db', db.county]),
      zhijian(['peers', 'add', smFile, '--scope', '530721', '--db', db.county]),
      zhijian(['peers', 'add', cityFile, '--scope', '530700', '--db', db.city]),
      zhijian(['peers', 'add', notJson, '--scope', '530721', '--db', db.county]),
      zhijian(['peers', 'add', tampered, '--scope', '530722', '--db', db.sm]),
      zhijian(['peers', 'add', path.join(dir, 'missing.json'), '--scope', '530721', '--db', db.county]),
      zhijian(['peers', 'add', cityFile, '--db', db.county]),
      zhijian(['init', '--db', path.join(dir, 'other.db'), '--admin', 'root', '--password', PASSWORD, '--suite', 'rsa']),
    ]);
    refused(runs[0]!, 'Unit not found');
    refused(runs[1]!, 'The peer uses the cipher suite sm2-sm3-sm4gcm and this node x25519-ed25519-xchacha20poly1305');
    refused(runs[2]!, 'This is the identity file of this node itself');
    refused(runs[3]!, 'The node identity file cannot be read: not JSON');
    refused(runs[4]!, 'The node identity file cannot be read: fingerprint: does not match the keys');
    refused(runs[5]!, 'Record not found');
    refused(runs[6]!, 'peers add FILE.json --scope UNIT_CODE');
    refused(runs[7]!, '--suite: one of x25519-ed25519-xchacha20poly1305, sm2-sm3-sm4gcm');
    expect(fs.existsSync(path.join(dir, 'other.db'))).toBe(false);
  }, 120_000);

  it('names the unit the node works for, refusing a code that is no unit here', async () => {
    const named = JSON.parse(succeeded(await zhijian(['identity', 'unit', '530721', '--db', db.county, '--json']), 'identity unit')) as IdentityFile;
    expect([named.unitCode, named.unitName]).toEqual(['530721', '玉龙纳西族自治县']);
    const [unknown, missing] = await Promise.all([zhijian(['identity', 'unit', '530799', '--db', db.city]), zhijian(['identity', 'unit', '--db', db.city])]);
    refused(unknown, 'Unit not found');
    refused(missing, 'identity unit UNIT_CODE');
  }, 60_000);
});
