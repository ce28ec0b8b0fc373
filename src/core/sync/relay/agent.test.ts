// Two nodes and a relay on loopback: the background exchange, the relay going away (the offices
// then carry a file), and everything converging when it is back.
import { afterEach, describe, expect, it } from 'vitest';
import { api, type CaseSummary, type ExportedBundleFile, type IdentityFile, type OrgUnit } from '../../../shared/api';
import type { Core } from '../../api/core';
import { unitId } from '../../registry/units';
import { tempDir, testCore } from '../../testing/fixtures';
import { startRelay, type Relay } from './server';

let relay: Relay | null = null;
afterEach(async () => {
  await relay?.close();
  relay = null;
});

async function offices(port: number) {
  const relayUrl = `http://127.0.0.1:${port}`;
  const [{ core: city }, { core: county }] = await Promise.all([testCore({ relayUrl }), testCore({ relayUrl })]);
  await city.call(api.units.create.name, { code: '530721', name: '玉龙县', kind: 'county', parentId: unitId('530700') });
  const identity = async (core: Core) => (await core.call(api.sync.identity.name, {})) as IdentityFile;
  await city.call(api.sync.addPeer.name, { identity: await identity(county), scopeCode: '530721', fingerprintConfirmed: true });
  await county.call(api.sync.addPeer.name, { identity: await identity(city), scopeCode: '530700', fingerprintConfirmed: true });
  return { city, county };
}

/** Rounds on both nodes until one pushes and pulls nothing: converged. Returns the rounds it took. */
async function settle(a: Core, b: Core): Promise<number> {
  for (let round = 1; round <= 6; round++) {
    const results = [await a.relay!.syncNow(), await b.relay!.syncNow()];
    if (results.every((r) => r !== null && r.pushed === 0 && r.pulled === 0)) return round;
  }
  throw new Error('did not converge in 6 rounds');
}

const titles = async (core: Core) => ((await core.call(api.cases.list.name, {})) as { rows: CaseSummary[] }).rows.map((c) => c.title).sort();
const clue = (title: string) => ({ title, source: 'letters_visits', receivedDate: '2026-11-20', unitId: unitId('530721'), complainant: { named: false }, subjects: [{ name: '王某' }] });

describe('the relay agent', () => {
  it('exchanges in the background, backs off while the relay is away, and converges when it is back', async () => {
    const dataDir = tempDir();
    relay = await startRelay({ dataDir, port: 0, host: '127.0.0.1' });
    const { port } = relay;
    const { city, county } = await offices(port);

    await settle(city, county);
    expect(((await county.call(api.units.list.name, {})) as OrgUnit[]).map((u) => u.code).sort()).toEqual(['530700', '530721']);
    await county.call(api.cases.intake.name, clue('县里受理的线索'));
    await settle(county, city);
    expect(await titles(city)).toEqual(['县里受理的线索']);
    expect(city.relay!.status()).toMatchObject({ state: 'online', url: `http://127.0.0.1:${port}` });

    // the relay goes away: both sides go on working, and carry one file by hand
    await relay.close();
    expect(await county.relay!.syncNow()).toBeNull();
    expect(county.relay!.status().state).toBe('offline');
    await county.call(api.cases.intake.name, clue('断网期间县里的线索'));
    await city.call(api.units.create.name, { code: '530722', name: '永胜县', kind: 'county', parentId: unitId('530700') });
    const file = (await county.call(api.sync.exportBundle.name, { peerId: city.nodeId })) as ExportedBundleFile;
    const { uploadId } = (await city.call(api.files.beginUpload.name, { fileName: file.fileName, size: file.size })) as { uploadId: string };
    await city.call(api.files.appendUpload.name, { uploadId, offset: 0, chunkBase64: file.bytesBase64 });
    await city.call(api.files.finishUpload.name, { uploadId });
    await city.call(api.sync.importBundle.name, { uploadId });
    expect(await titles(city)).toEqual(['县里受理的线索', '断网期间县里的线索'].sort());

    // back on the same port: the rest flows, and nothing is lost or doubled
    relay = await startRelay({ dataDir, port, host: '127.0.0.1' });
    await settle(city, county);
    expect(await titles(county)).toEqual(await titles(city));
    const codes = async (core: Core) => ((await core.call(api.units.list.name, {})) as OrgUnit[]).map((u) => u.code).sort();
    expect(await codes(county)).toEqual(['530700', '530721', '530722']);
    expect(await codes(county)).toEqual(await codes(city));
    expect(county.relay!.status().state).toBe('online');
  });
});
