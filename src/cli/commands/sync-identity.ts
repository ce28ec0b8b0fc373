import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { api, type Peer } from '../../shared/api';
import { AppError } from '../../core/api/errors';
import { checkIdentityFile } from '../../core/sync/identity';
import { run, withSession, type CliIo } from '../context';

/** 12 groups of 5 digits as 3 lines of 4, the way people read them out over the phone. */
function printFingerprint(print: (line: string) => void, fingerprint: string): void {
  const groups = fingerprint.split(' ');
  for (let i = 0; i < groups.length; i += 4) print(`  ${groups.slice(i, i + 4).join('  ')}`);
}

/** The identity file a peer sent, as JSON: SYNC_IDENTITY_INVALID for anything that is not one. */
function readIdentityFile(file: string): unknown {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('NOT_FOUND', { file });
  // an identity file is a few hundred bytes: anything large is not one, and is not read whole
  if (fs.statSync(file).size > 64 * 1024) throw new AppError('SYNC_IDENTITY_INVALID', { why: 'too large for an identity file' });
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    throw new AppError('SYNC_IDENTITY_INVALID', { why: 'not JSON' });
  }
}

/** `zhijian identity export --out FILE.json [--json]`: this node's public identity file; prints its fingerprint. */
export async function exportIdentity(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.out) throw new AppError('INVALID_INPUT', { issues: ['identity export --out FILE.json'] });
  const out = path.resolve(values.out);
  const identity = await withSession(values.db, io, (session) => run(session, api.sync.identity, {}));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(identity, null, 2)}\n`);
  if (values.json) {
    io.out(JSON.stringify({ file: out, ...identity }));
    return;
  }
  io.out(io.t('sync.cli.identityWritten', { file: out, nodeId: identity.nodeId, unitName: identity.unitName, suite: identity.suite }));
  io.out(io.t('sync.cli.fingerprint'));
  printFingerprint(io.out, identity.fingerprint);
}

/** `zhijian identity unit UNIT_CODE [--json]`: names the unit this node works for (a county office: its county). */
export async function setIdentityUnit(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const [unitCode] = positionals;
  if (!unitCode) throw new AppError('INVALID_INPUT', { issues: ['identity unit UNIT_CODE'] });
  const identity = await withSession(values.db, io, (session) => run(session, api.sync.setNodeUnit, { unitCode }));
  io.out(values.json ? JSON.stringify(identity) : io.t('sync.cli.nodeUnit', { unitName: identity.unitName, unitCode: identity.unitCode }));
}

/**
 * `zhijian peers add FILE.json --scope UNIT_CODE [--json]`: shows the peer's fingerprint to be
 * compared by phone; on a terminal asks y/N first. Without a terminal (a script) it goes ahead:
 * running the command is then the operator's confirmation.
 */
export async function addPeer(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, scope: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || !values.scope) throw new AppError('INVALID_INPUT', { issues: ['peers add FILE.json --scope UNIT_CODE'] });
  const identity = readIdentityFile(path.resolve(file));
  // checked before anyone is asked: the digits shown are the keys' own
  const { file: checked } = checkIdentityFile(identity);
  await withSession(values.db, io, async (session) => {
    // with --json, stdout is the peer alone: a person at a terminal reads the digits beside the question
    const show = values.json ? (io.prompt ? io.err : undefined) : io.out;
    if (show) {
      show(io.t('sync.cli.peerFile', { nodeId: checked.nodeId, unitName: checked.unitName, unitCode: checked.unitCode, suite: checked.suite }));
      printFingerprint(show, checked.fingerprint);
      show(io.t('sync.cli.comparePhone'));
    }
    if (io.prompt && !/^(y|yes|是)$/i.test((await io.prompt(io.t('sync.cli.confirmAdd'), false)).trim())) {
      io.out(io.t('sync.cli.notAdded'));
      return;
    }
    const peer = await run(session, api.sync.addPeer, { identity, scopeCode: values.scope!, fingerprintConfirmed: true });
    io.out(values.json ? JSON.stringify(peer) : io.t('sync.cli.peerAdded', { nodeId: peer.nodeId, name: peer.name, scope: `${peer.scopeCode} ${peer.scopeName ?? ''}`.trim() }));
  });
}

/** `zhijian peers list [--json]` */
export async function listPeers(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const peers = await withSession(values.db, io, (session) => run(session, api.sync.peers, {}));
  if (values.json) {
    io.out(JSON.stringify(peers));
    return;
  }
  if (peers.length === 0) io.out(io.t('sync.cli.noPeers'));
  for (const p of peers) {
    io.out([p.nodeId, p.name, p.unitCode, `scope ${p.scopeCode}`, io.t(`sync.peerState.${p.state}`), `in ${p.lastBundleIn ?? '-'}`, `out ${p.lastBundleOut ?? '-'}`, p.fingerprint].join('\t'));
  }
}

/** `zhijian peers revoke NODE_ID [--json]`: its bundles are refused from then on; nothing is deleted. */
export async function revokePeer(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const [nodeId] = positionals;
  if (!nodeId) throw new AppError('INVALID_INPUT', { issues: ['peers revoke NODE_ID'] });
  const peer: Peer = await withSession(values.db, io, (session) => run(session, api.sync.revokePeer, { nodeId }));
  io.out(values.json ? JSON.stringify(peer) : io.t('sync.cli.peerRevoked', { nodeId: peer.nodeId, name: peer.name, at: peer.revokedAt }));
}
