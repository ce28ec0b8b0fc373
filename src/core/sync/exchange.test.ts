// Bundles between two real nodes (encrypted SQLite files, the procedures a user calls): the city
// and a county office, by file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, type CaseSummary, type OrgUnit, type SyncStatus } from '../../shared/api';
import type { Core } from '../api/core';
import { ADMIN, bareCore, logIn, syntheticId, testCore } from '../testing/fixtures';
import { unitId } from '../registry/units';
import { clue, exportFor, importInto, offices, refusal, upload } from './two-offices';

const caseTitles = async (core: Core) =>
  ((await core.call(api.cases.list.name, {})) as { rows: CaseSummary[] }).rows.map((c) => c.title).sort();

describe('sync by file', () => {
  it('carries the county unit to the county, and a clue made there back to the city', async () => {
    const { city, county } = await offices();
    // the county's node learns its own unit from the city
    const first = await importInto(county, await exportFor(city, county));
    expect(first.replayed).toBe(false);
    expect(first.applied).toBeGreaterThan(0);
    const units = (await county.call(api.units.list.name, {})) as OrgUnit[];
    expect(units.map((u) => u.code).sort()).toEqual(['530700', '530721']);

    await county.call(api.cases.intake.name, clue('某村干部优亲厚友', unitId('530721')));
    const back = await importInto(city, await exportFor(county, city));
    expect(back.applied).toBeGreaterThan(0);
    expect(await caseTitles(city)).toEqual(['某村干部优亲厚友']);

    // the peers' vectors now cover all this: nothing waits either way
    const status = (await city.call(api.sync.status.name, {})) as SyncStatus;
    const waiting = await importInto(county, await exportFor(city, county));
    expect(waiting.applied).toBe(0);
    expect(status.peers.map((p) => p.nodeId)).toEqual([county.nodeId]);
  });

  it('carries a document filed at the county with its file, which the city can open', async () => {
    const { city, county } = await offices();
    await importInto(county, await exportFor(city, county));
    const made = (await county.call(api.cases.intake.name, clue('附有材料的线索', unitId('530721')))) as { id: string };
    const letter = Buffer.from('举报信（合成样例）：反映某村干部优亲厚友。');
    await county.call(api.cases.attach.name, { caseId: made.id, fileName: '举报信.txt', contentBase64: letter.toString('base64') });
    await importInto(city, await exportFor(county, city));
    const detail = (await city.call(api.cases.get.name, { id: made.id })) as { documents: { id: string; fileName: string }[] };
    expect(detail.documents.map((d) => d.fileName)).toEqual(['举报信.txt']);
    const file = (await city.call(api.cases.document.name, { id: detail.documents[0]!.id })) as { contentBase64: string };
    expect(Buffer.from(file.contentBase64, 'base64').equals(letter)).toBe(true);
  });

  it("keeps what is outside a peer's scope out of its bundles", async () => {
    const { city, county, root } = await offices();
    await city.call(api.cases.intake.name, clue('市本级线索', root));
    await city.call(api.cases.intake.name, clue('玉龙县线索', unitId('530721')));
    await importInto(county, await exportFor(city, county));
    expect(await caseTitles(county)).toEqual(['玉龙县线索']);
  });

  it('ignores a bundle applied before, and refuses one from a revoked peer, changing nothing', async () => {
    const { city, county } = await offices();
    const bundle = await exportFor(city, county);
    await importInto(county, bundle);
    const again = await importInto(county, bundle);
    expect(again).toMatchObject({ replayed: true, applied: 0 });

    await county.call(api.sync.revokePeer.name, { nodeId: city.nodeId });
    await city.call(api.units.create.name, { code: '530722', name: '永胜县', kind: 'county', parentId: unitId('530700') });
    const before = (await county.call(api.units.list.name, {})) as OrgUnit[];
    expect(await refusal(importInto(county, await exportFor(city, county)))).toBe('SYNC_PEER_REVOKED');
    expect(await county.call(api.units.list.name, {})).toEqual(before);
  });

  it('refuses a bundle meant for another node, and a damaged file, with nothing applied', async () => {
    const { city, county } = await offices();
    const { core: other } = await testCore();
    await other.call(api.sync.addPeer.name, { identity: await city.call(api.sync.identity.name, {}), scopeCode: '530700', fingerprintConfirmed: true });
    const bundle = await exportFor(city, county);
    expect(await refusal(importInto(other, bundle))).toBe('SYNC_BUNDLE_NOT_FOR_US');
    const damaged = bundle.slice();
    damaged[damaged.length - 100]! ^= 0x40;
    expect(await refusal(importInto(county, damaged))).toBe('SYNC_BUNDLE_SIGNATURE');
    expect(await refusal(importInto(county, bundle.subarray(0, bundle.length / 2)))).toBe('SYNC_BUNDLE_CORRUPT');
    expect(((await county.call(api.units.list.name, {})) as OrgUnit[]).map((u) => u.code)).toEqual(['530700']);
    // the uploads are gone whatever the outcome
    expect(fs.readdirSync(path.join(path.dirname(county.database.sqlite.name), 'uploads')).filter((f) => !f.startsWith('.'))).toEqual([]);
  });

  it('keeps a column from a newer version, and applies it once an upgrade adds the column', async () => {
    const { city, county } = await offices();
    await county.call(api.people.create.name, { name: '和建华', idNumber: syntheticId('530721', '19850312', '041') });
    // the county runs a newer version whose people have a column this one lacks
    county.database.sqlite.prepare("UPDATE change_log SET columns = json_set(columns, '$.wechat', 'hejianhua88') WHERE table_name = 'people' AND op = 'insert'").run();
    const result = await importInto(city, await exportFor(county, city));
    expect(result.replayed).toBe(false);
    const { sqlite } = city.database;
    expect(sqlite.prepare('SELECT name FROM people').pluck().all()).toEqual(['和建华']);
    expect(sqlite.prepare('SELECT table_name, column_name FROM sync_deferred').raw().all()).toEqual([['people', 'wechat']]);

    // the upgrade adds the column; at the next unlock the kept value is applied
    sqlite.exec('ALTER TABLE people ADD COLUMN wechat TEXT');
    const dbFile = sqlite.name;
    city.close();
    const { core: upgraded } = bareCore({ dbFile });
    await logIn(upgraded, ADMIN.username, ADMIN.password);
    expect(upgraded.database.sqlite.prepare('SELECT wechat FROM people').pluck().all()).toEqual(['hejianhua88']);
    expect(upgraded.database.sqlite.prepare('SELECT count(*) FROM sync_deferred').pluck().get()).toBe(0);
  });

  it('shows what a file holds before it is applied', async () => {
    const { city, county } = await offices();
    const bundle = await exportFor(city, county);
    const preview = (await county.call(api.sync.previewBundle.name, { uploadId: await upload(county, bundle) })) as Record<string, unknown>;
    expect(preview).toMatchObject({ senderId: city.nodeId, senderState: 'active', forThisNode: true, alreadyApplied: false, recipients: [county.nodeId] });
    expect(preview.operations).toBeGreaterThan(0);
  });
});
