import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/i18n/translate';
import { AppError, toWireError } from '../../core/api/errors';
import { startRelay } from '../../core/sync/relay/server';
import { run, withSession, type CliIo } from '../context';
import { uploadFile } from '../upload';

/** `zhijian sync export --peer NODE_ID --out FILE.zjb [--json]`: a bundle with everything the peer lacks. */
export async function exportBundle(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, peer: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.peer || !values.out) throw new AppError('INVALID_INPUT', { issues: ['sync export --peer NODE_ID --out FILE.zjb'] });
  const out = path.resolve(values.out);
  const bundle = await withSession(values.db, io, (session) => run(session, api.sync.exportBundle, { peerId: values.peer! }));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // written beside, then renamed: a file on a removable drive is whole or absent
  const partial = `${out}.partial`;
  fs.writeFileSync(partial, Buffer.from(bundle.bytesBase64, 'base64'));
  fs.renameSync(partial, out);
  const { bytesBase64: _bytes, ...facts } = bundle;
  io.out(values.json ? JSON.stringify({ file: out, ...facts }) : io.t('sync.cli.exported', { file: out, operations: facts.operations, audit: facts.audit, size: facts.size }));
}

/**
 * `zhijian sync import FILE.zjb [FILE ...] [--json]`: each file checked whole and applied in one
 * transaction, in the order given; one that is refused stops nothing else (exit code 1 at the end).
 */
export async function importBundles(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new AppError('INVALID_INPUT', { issues: ['sync import FILE.zjb [FILE ...]'] });
  let refused: unknown = null;
  await withSession(values.db, io, async (session) => {
    for (const name of positionals) {
      const file = path.resolve(name);
      try {
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('NOT_FOUND', { file });
        const uploadId = await uploadFile(session, file);
        const result = await run(session, api.sync.importBundle, { uploadId });
        if (values.json) io.out(JSON.stringify({ file, ...result }));
        else if (result.replayed) io.out(`${path.basename(file)}: ${io.t('errors.SYNC_BUNDLE_REPLAYED', { bundleId: result.bundleId })}`);
        else io.out(io.t('sync.cli.imported', { file: path.basename(file), applied: result.applied, duplicates: result.duplicates, audit: result.audit, deferred: result.deferred }));
      } catch (error) {
        refused = error;
        const wire = toWireError(error);
        if (values.json) io.out(JSON.stringify({ file, error: wire }));
        io.err(`${path.basename(file)}: ${errorMessage(io.t, wire)}`);
      }
    }
  });
  if (refused) throw refused;
}

/** `zhijian sync status [--json]`: this node, each peer's last exchanges and what waits for it. */
export async function syncStatus(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const status = await withSession(values.db, io, (session) => run(session, api.sync.status, {}));
  if (values.json) {
    io.out(JSON.stringify(status));
    return;
  }
  io.out(io.t('sync.cli.node', { nodeId: status.nodeId, unitCode: status.unitCode, suite: status.suite }));
  if (status.peers.length === 0) io.out(io.t('sync.cli.noPeers'));
  for (const peer of status.peers) {
    io.out(io.t('sync.cli.peerStatus', { nodeId: peer.nodeId, name: peer.name, state: io.t(`sync.peerState.${peer.state}`), waiting: peer.waiting, lastIn: peer.lastBundleIn ?? '—', lastOut: peer.lastBundleOut ?? '—' }));
  }
}

/** `zhijian relay --port P --data DIR [--host H]`: the relay for the private network, until stopped (Ctrl-C). */
export async function relay(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string', default: '0.0.0.0' } } });
  const port = Number(values.port);
  if (!values.data || !Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('INVALID_INPUT', { issues: ['relay --port P --data DIR'] });
  const server = await startRelay({ dataDir: path.resolve(values.data), port, host: values.host });
  io.out(io.t('sync.cli.relayListening', { host: values.host, port: server.port, data: path.resolve(values.data) }));
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
