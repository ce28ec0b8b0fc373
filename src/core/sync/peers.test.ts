import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { api, type IdentityFile, type OrgUnit, type Peer, type SessionOpened } from '../../shared/api';
import type { Core } from '../api/core';
import { roleIdByCode } from '../auth/roles';
import { auditLog, changeLog, syncBundles, syncIdentity, syncPeers } from '../db/schema';
import { ADMIN, bareCore, logIn, testCore } from '../testing/fixtures';
import { fromBase64 } from './identity';
import { requireTrustedPeer } from './peers';

const identityOf = async (core: Core) => (await core.call(api.sync.identity.name, {})) as IdentityFile;
const peersOf = async (core: Core, token?: string) => (await core.call(api.sync.peers.name, {}, token)) as Peer[];
const add = (core: Core, identity: unknown, scopeCode: string, token?: string) =>
  core.call(api.sync.addPeer.name, { identity, scopeCode, fingerprintConfirmed: true }, token) as Promise<Peer>;
const revoke = (core: Core, nodeId: string, token?: string) => core.call(api.sync.revokePeer.name, { nodeId }, token) as Promise<Peer>;

/** A county office's node: its own database, its root the county. */
async function countyNode(suite = 'x25519-ed25519-xchacha20poly1305'): Promise<Core> {
  const { core } = bareCore();
  const setup = (await core.call(api.auth.setup.name, {
    username: ADMIN.username,
    displayName: '县管理员',
    password: ADMIN.password,
    org: { code: '530721', name: '玉龙纳西族自治县' },
    suite,
  })) as SessionOpened;
  const call = core.call.bind(core);
  core.call = (name, input, session = setup.sessionToken!) => call(name, input, session);
  return core;
}

let city: Core;
let county: Core;
let countyFile: IdentityFile;
let yulong: OrgUnit;

beforeEach(async () => {
  ({ core: city } = await testCore());
  county = await countyNode();
  countyFile = await identityOf(county);
  const [root] = (await city.call(api.units.list.name, {})) as OrgUnit[];
  yulong = (await city.call(api.units.create.name, { code: '530721', name: '玉龙纳西族自治县', kind: 'county', parentId: root!.id })) as OrgUnit;
});

describe('adding a peer', () => {
  it('trusts the identity file for the scope unit, and lists the peer with its fingerprint', async () => {
    const peer = await add(city, countyFile, '530721');
    expect(peer).toMatchObject({
      nodeId: countyFile.nodeId,
      name: '玉龙纳西族自治县',
      unitCode: '530721',
      suite: 'x25519-ed25519-xchacha20poly1305',
      fingerprint: countyFile.fingerprint,
      scopeCode: '530721',
      scopeName: '玉龙纳西族自治县',
      state: 'active',
      addedByName: '管理员',
      revokedAt: null,
      lastBundleIn: null,
      lastBundleOut: null,
    });
    expect(await peersOf(city)).toEqual([peer]);
    // the bundle code gets the keys the file carried
    expect(requireTrustedPeer(city.database.db, countyFile.nodeId)).toEqual({
      nodeId: countyFile.nodeId,
      suite: countyFile.suite,
      signingPublic: fromBase64(countyFile.signingPublic),
      encryptionPublic: fromBase64(countyFile.encryptionPublic),
      scopeCode: '530721',
    });
  });

  it('is audited, and never enters the change log that travels', async () => {
    await add(city, countyFile, '530721');
    const { db } = city.database;
    const entry = db.select().from(auditLog).where(eq(auditLog.procedure, 'sync.addPeer')).get()!;
    expect(JSON.parse(entry.summary)).toMatchObject({ peer: countyFile.nodeId, scope: '530721', fingerprint: countyFile.fingerprint });
    expect(db.select().from(changeLog).where(eq(changeLog.tableName, 'sync_peers')).all()).toEqual([]);
  });

  it('shows the latest bundle from and for each peer', async () => {
    const other = await countyNode();
    const otherFile = await identityOf(other);
    await add(city, countyFile, '530721');
    await add(city, otherFile, '530721');
    const bundle = (id: string, direction: 'in' | 'out', peers: string, at: string) => ({ id, direction, peers, operations: 1, bytes: 100, transport: 'file', at });
    city.database.db
      .insert(syncBundles)
      .values([
        bundle('B1', 'in', countyFile.nodeId, '2026-03-02T09:00:00.000+08:00'),
        bundle('B2', 'in', countyFile.nodeId, '2026-03-04T09:00:00.000+08:00'),
        bundle('B3', 'out', `${otherFile.nodeId},${countyFile.nodeId}`, '2026-03-03T10:00:00.000+08:00'),
        bundle('B4', 'out', otherFile.nodeId, '2026-03-05T10:00:00.000+08:00'),
        bundle('B5', 'in', otherFile.nodeId, '2026-03-06T10:00:00.000+08:00'),
      ])
      .run();
    const byNode = Object.fromEntries((await peersOf(city)).map((p) => [p.nodeId, [p.lastBundleIn, p.lastBundleOut]]));
    expect(byNode).toEqual({
      [countyFile.nodeId]: ['2026-03-04T09:00:00.000+08:00', '2026-03-03T10:00:00.000+08:00'],
      [otherFile.nodeId]: ['2026-03-06T10:00:00.000+08:00', '2026-03-05T10:00:00.000+08:00'],
    });
  });

  it('refuses this node itself, another suite, a scope that is no unit here, a peer twice, and an unconfirmed fingerprint', async () => {
    const own = await identityOf(city);
    const smFile = await identityOf(await countyNode('sm2-sm3-sm4gcm'));
    await add(city, countyFile, '530721');
    const before = city.database.db.select().from(syncPeers).all();

    await expect(add(city, own, '530721')).rejects.toMatchObject({ code: 'SYNC_PEER_IS_SELF' });
    // this node's keys under another node id are still this node
    await expect(add(city, { ...own, nodeId: smFile.nodeId }, '530721')).rejects.toMatchObject({ code: 'SYNC_PEER_IS_SELF' });
    await expect(add(city, smFile, '530721')).rejects.toMatchObject({
      code: 'SYNC_SUITE_MISMATCH',
      details: { suite: 'sm2-sm3-sm4gcm', ours: 'x25519-ed25519-xchacha20poly1305' },
    });
    const third = await identityOf(await countyNode());
    await expect(add(city, third, '530799')).rejects.toMatchObject({ code: 'UNIT_NOT_FOUND', details: { unit: '530799' } });
    await expect(add(city, countyFile, '530721')).rejects.toMatchObject({ code: 'SYNC_PEER_EXISTS', details: { nodeId: countyFile.nodeId } });
    await expect(add(city, { ...countyFile, fingerprint: third.fingerprint }, '530721')).rejects.toMatchObject({ code: 'SYNC_IDENTITY_INVALID' });
    await expect(city.call(api.sync.addPeer.name, { identity: third, scopeCode: '530721', fingerprintConfirmed: false })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(city.call(api.sync.addPeer.name, { identity: third, scopeCode: '5307 21', fingerprintConfirmed: true })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(city.database.db.select().from(syncPeers).all()).toEqual(before);
  });
});

describe('revoking a peer', () => {
  it('keeps the peer, marked revoked, refuses it to the bundle code, and is done once', async () => {
    await add(city, countyFile, '530721');
    const revoked = await revoke(city, countyFile.nodeId);
    expect(revoked).toMatchObject({ nodeId: countyFile.nodeId, state: 'revoked', revokedAt: expect.any(String), revokedByName: '管理员' });
    expect(await peersOf(city)).toEqual([revoked]);
    expect(() => requireTrustedPeer(city.database.db, countyFile.nodeId)).toThrow(expect.objectContaining({ code: 'SYNC_PEER_REVOKED' }));

    const entries = () => city.database.db.select().from(auditLog).where(eq(auditLog.procedure, 'sync.revokePeer')).all().length;
    expect(entries()).toBe(1);
    expect(await revoke(city, countyFile.nodeId)).toEqual(revoked);
    expect(entries()).toBe(1);
  });

  it('refuses a node that is no peer', async () => {
    await expect(revoke(city, countyFile.nodeId)).rejects.toMatchObject({ code: 'SYNC_PEER_UNKNOWN', details: { nodeId: countyFile.nodeId } });
    expect(() => requireTrustedPeer(city.database.db, countyFile.nodeId)).toThrow(expect.objectContaining({ code: 'SYNC_PEER_UNKNOWN' }));
  });

  it('lets the peer back only with new keys: its old identity file stays refused', async () => {
    await add(city, countyFile, '530721');
    await revoke(city, countyFile.nodeId);
    await expect(add(city, countyFile, '530721')).rejects.toMatchObject({ code: 'SYNC_PEER_REVOKED', details: { nodeId: countyFile.nodeId } });

    // the county makes new keys (its identity row replaced), and sends its new file
    county.database.db.delete(syncIdentity).run();
    const renewed = await identityOf(county);
    expect(renewed.nodeId).toBe(countyFile.nodeId);
    expect(renewed.fingerprint).not.toBe(countyFile.fingerprint);
    const back = await add(city, renewed, '530721');
    expect(back).toMatchObject({ state: 'active', fingerprint: renewed.fingerprint, revokedAt: null, revokedBy: null });
    expect(requireTrustedPeer(city.database.db, countyFile.nodeId).signingPublic).toEqual(fromBase64(renewed.signingPublic));
  });
});

describe('who may manage peers', () => {
  it('lets anyone with system.read list them, and only sync.manage add or revoke them', async () => {
    const [root] = (await city.call(api.units.list.name, {})) as OrgUnit[];
    await city.call(api.users.create.name, { username: 'reader', displayName: '审计', unitId: root!.id, roleId: roleIdByCode(city.database.db, 'auditor'), password: 'audit-pass-2026' });
    const reader = await logIn(city, 'reader', 'audit-pass-2026');
    const peer = await add(city, countyFile, '530721');

    expect(await peersOf(city, reader)).toEqual([peer]);
    await expect(add(city, await identityOf(await countyNode()), '530721', reader)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(revoke(city, countyFile.nodeId, reader)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await peersOf(city)).toEqual([peer]);
  });

  it('keeps a county administrator to peers scoped inside the county', async () => {
    await city.call(api.users.create.name, {
      username: 'yl-admin', displayName: '县管理员', unitId: yulong.id, roleId: roleIdByCode(city.database.db, 'administrator'), password: 'county-admin-2026',
    });
    const countyAdmin = await logIn(city, 'yl-admin', 'county-admin-2026');
    const cityWide = await add(city, await identityOf(await countyNode()), '530700');

    await expect(add(city, countyFile, '530700', countyAdmin)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    const own = await add(city, countyFile, '530721', countyAdmin);
    expect(await peersOf(city, countyAdmin)).toEqual([own]);
    await expect(revoke(city, cityWide.nodeId, countyAdmin)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await revoke(city, own.nodeId, countyAdmin)).state).toBe('revoked');
    expect((await peersOf(city)).map((p) => [p.nodeId, p.state]).sort()).toEqual(
      [[cityWide.nodeId, 'active'], [own.nodeId, 'revoked']].sort(),
    );
  });
});
