import fs from 'node:fs';
import { getTableName } from 'drizzle-orm';
import { api } from '../../shared/api';
import type { Context } from '../api/context';
import { implement } from '../api/implement';
import { syncPeers } from '../db/schema';
import { importUpload, uploadedFile } from '../files/uploads';
import { exportBundle, importBundle, previewBundle } from './exchange';
import { ensureIdentity, identityFile, setNodeUnit } from './identity';
import { addPeer, listPeers, revokePeer } from './peers';
import { syncStatus } from './status';

/** Peers are written outside the change log (they never travel), so screens hear of it here. */
function changedPeers<T>(ctx: Context, result: T): T {
  ctx.emit('data.changed', { tables: [getTableName(syncPeers)] });
  return result;
}

export const syncProcedures = [
  // this node and its peers (identity.ts, peers.ts)
  implement(api.sync.identity, (ctx) => identityFile(ctx.db, ensureIdentity(ctx))),
  implement(api.sync.setNodeUnit, (ctx, input) => identityFile(ctx.db, setNodeUnit(ctx, input.unitCode))),
  implement(api.sync.peers, (ctx) => listPeers(ctx.db, ctx.caller.scope)),
  implement(api.sync.addPeer, (ctx, input) => changedPeers(ctx, addPeer(ctx, input))),
  implement(api.sync.revokePeer, (ctx, input) => changedPeers(ctx, revokePeer(ctx, input.nodeId))),
  // bundles (exchange.ts)
  implement(api.sync.status, (ctx) => syncStatus(ctx, ctx.relay?.status())),
  implement(api.sync.syncNow, async (ctx) => {
    await ctx.relay?.syncNow();
    return syncStatus(ctx, ctx.relay?.status());
  }),
  implement(api.sync.exportBundle, (ctx, input) => {
    const bundle = exportBundle(ctx, input.peerId, 'file');
    const { bytes, ...facts } = bundle;
    return { ...facts, fileName: `${bundle.bundleId}.zjb`, size: bytes.length, bytesBase64: Buffer.from(bytes).toString('base64') };
  }),
  implement(api.sync.previewBundle, (ctx, input) => {
    const preview = previewBundle(ctx, fs.readFileSync(uploadedFile(ctx, input.uploadId).path));
    const { header } = preview;
    return {
      bundleId: header.id,
      createdAt: header.createdAt,
      senderId: header.sender.nodeId,
      senderUnitCode: header.sender.unitCode,
      senderName: preview.senderName,
      senderState: preview.senderState,
      recipients: header.recipients,
      forThisNode: preview.forThisNode,
      alreadyApplied: preview.alreadyApplied,
      operations: header.operations,
      audit: header.audit,
      formatVersion: header.formatVersion,
      appVersion: header.appVersion,
    };
  }),
  implement(api.sync.importBundle, (ctx, input) => importUpload(ctx, input.uploadId, async (file) => importBundle(ctx, fs.readFileSync(file.path), 'file'))),
];
