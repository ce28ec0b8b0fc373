// The demo commission's two county offices as sync peers of this (the city's) node: synthetic
// nodes with keys of their own, added as an administrator adds one, with a few past exchanges,
// so that the sync screen shows offices that have been talking. The demo nodes never answer.
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import type { Context } from '../api/context';
import { syncBundles, syncPeerKnowledge } from '../db/schema';
import { suite } from '../sync/crypto/suite';
import { ensureIdentity, toBase64 } from '../sync/identity';
import { ownVector } from '../sync/merge';
import { addPeer } from '../sync/peers';
import type { IdentityFile } from '../../shared/api/sync';
import { IDENTITY_FILE_FORMAT, IDENTITY_FILE_VERSION } from '../../shared/api/sync';

const DEMO_OFFICES = [
  { unitCode: '530721', unitName: '玉龙纳西族自治县', transport: 'relay' },
  { unitCode: '530724', unitName: '宁蒗彝族自治县', transport: 'file' },
] as const;

const HOUR = 3_600_000;

function demoIdentityFile(suiteId: IdentityFile['suite'], office: (typeof DEMO_OFFICES)[number]): IdentityFile {
  const s = suite(suiteId);
  const keys = s.generateKeys();
  return {
    format: IDENTITY_FILE_FORMAT,
    version: IDENTITY_FILE_VERSION,
    nodeId: newId(),
    unitCode: office.unitCode,
    unitName: office.unitName,
    suite: suiteId,
    signingPublic: toBase64(keys.signing.publicKey),
    encryptionPublic: toBase64(keys.encryption.publicKey),
    fingerprint: s.fingerprint(keys.signing.publicKey, keys.encryption.publicKey),
  };
}

/** Adds the county offices as peers, each holding what this node holds now; returns how many. */
export function seedDemoPeers(ctx: Context): number {
  // on behalf of the administrator being set up, who works at the root unit (all of it)
  const caller = ctx.caller;
  ctx.caller = { ...caller, scope: { all: true } };
  try {
    addOffices(ctx);
  } finally {
    ctx.caller = caller;
  }
  return DEMO_OFFICES.length;
}

function addOffices(ctx: Context): void {
  const own = ensureIdentity(ctx);
  const now = ctx.now().getTime();
  for (const [i, office] of DEMO_OFFICES.entries()) {
    const peer = addPeer(ctx, { identity: demoIdentityFile(own.suite, office), scopeCode: office.unitCode });
    ctx.write(
      (w) => {
        // they took everything up to now: only what is done from here on waits for them
        const vector = Object.entries(ownVector(ctx.sqlite)).map(([originId, hlc]) => ({ peerId: peer.nodeId, originId, hlc }));
        if (vector.length > 0) w.db.insert(syncPeerKnowledge).values(vector).run();
        const exchanges = [
          { direction: 'in' as const, hoursAgo: 26 + i * 20, operations: 214 + i * 97, bytes: 9_812 + i * 3_544 },
          { direction: 'out' as const, hoursAgo: 25 + i * 20, operations: 1_306 + i * 411, bytes: 41_377 + i * 10_902 },
          { direction: 'in' as const, hoursAgo: 3 + i * 5, operations: 38 + i * 12, bytes: 2_093 + i * 655 },
        ];
        for (const e of exchanges) {
          w.db
            .insert(syncBundles)
            .values({ id: newId(), direction: e.direction, peers: peer.nodeId, operations: e.operations, bytes: e.bytes, transport: office.transport, at: shanghaiTimestamp(new Date(now - e.hoursAgo * HOUR)) })
            .run();
        }
      },
      () => ({ demoPeer: peer.nodeId }),
    );
  }
}
