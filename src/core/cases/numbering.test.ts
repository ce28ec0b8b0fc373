// Case numbers made at two offices: which office numbers a unit's cases, how it renumbers the
// cases that share a number, and the whole round through real bundles between two nodes.
import { describe, expect, it } from 'vitest';
import { api, type IdentityFile, type SessionOpened } from '../../shared/api';
import type { CaseDetail } from '../../shared/api/cases';
import type { Core, CoreOptions } from '../api/core';
import { unitId } from '../registry/units';
import { clue, exportFor, importInto } from '../sync/two-offices';
import { ADMIN, bareCore, testCore } from '../testing/fixtures';
import { numberingNode, renumberDuplicates, sharedNumber } from './numbering';

const CITY = '530700';
const COUNTY = '530721';

/** A county office's node: its own database, its root the county (as peers.test.ts sets one up). */
async function countyNode(options: Partial<CoreOptions> = {}): Promise<Core> {
  const { core } = bareCore(options);
  const setup = (await core.call(api.auth.setup.name, {
    username: ADMIN.username,
    displayName: '县管理员',
    password: ADMIN.password,
    org: { code: COUNTY, name: '玉龙纳西族自治县' },
  })) as SessionOpened;
  const call = core.call.bind(core);
  core.call = (name, input, session = setup.sessionToken!) => call(name, input, session);
  return core;
}

const identityOf = async (core: Core) => (await core.call(api.sync.identity.name, {})) as IdentityFile;
const addPeer = async (core: Core, peer: Core, scopeCode: string) =>
  core.call(api.sync.addPeer.name, { identity: await identityOf(peer), scopeCode, fingerprintConfirmed: true });

/** The city's node with its county in the registry, and (unless `alone`) the county's node as its peer. */
async function cityAndCounty(options: { city?: Partial<CoreOptions> } = {}) {
  const { core: city } = await testCore(options.city);
  await city.call(api.units.create.name, { code: COUNTY, name: '玉龙县', kind: 'county', parentId: unitId(CITY) });
  const county = await countyNode();
  await addPeer(city, county, COUNTY);
  // the city receives everything of the county: the county's whole registry is its scope
  await addPeer(county, city, COUNTY);
  return { city, county };
}

const intake = async (core: Core, title: string, unitCode: string) => (await core.call(api.cases.intake.name, clue(title, unitId(unitCode)))) as CaseDetail;

const numbers = (core: Core) =>
  core.database.sqlite.prepare('SELECT id, number FROM cases ORDER BY id').all() as { id: string; number: string }[];

/** Gives cases one number behind the write path, as two offices apart would have. */
function shareNumber(core: Core, number: string, ids: string[], createdAt: string[]): void {
  const set = core.database.sqlite.prepare('UPDATE cases SET number = ?, created_at = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(number, createdAt[i], id));
}

const renumber = (core: Core, caseIds: string[]) =>
  core.asNode('test.renumber', (ctx) => ctx.write((w) => renumberDuplicates(w, caseIds, ctx.now())))!;

const changeOps = (core: Core) => core.database.sqlite.prepare("SELECT count(*) FROM change_log WHERE table_name = 'cases'").pluck().get() as number;

describe('the numbering office', () => {
  it("is the county's node for the county's cases, and the city's for the city's own", async () => {
    const { city, county } = await cityAndCounty();
    await city.call(api.units.create.name, { code: '530721101', name: '黄山镇', kind: 'township', parentId: unitId(COUNTY) });
    await city.call(api.units.create.name, { code: '530722', name: '永胜县', kind: 'county', parentId: unitId(CITY) });
    const db = city.database.db;
    expect(numberingNode(db, COUNTY)).toBe(county.nodeId);
    expect(numberingNode(db, '530721101')).toBe(county.nodeId);
    expect(numberingNode(db, CITY)).toBe(city.nodeId);
    // a county with no office of its own among the peers: the city numbers it
    expect(numberingNode(db, '530722')).toBe(city.nodeId);
    // the county's node agrees about its own unit
    expect(numberingNode(county.database.db, COUNTY)).toBe(county.nodeId);

    await city.call(api.sync.revokePeer.name, { nodeId: county.nodeId });
    expect(numberingNode(db, COUNTY)).toBe(city.nodeId);
  });

  it('is the smallest node id between two offices working for the same unit', async () => {
    const { city, county } = await cityAndCounty();
    const second = await countyNode();
    await addPeer(city, second, COUNTY);
    expect(numberingNode(city.database.db, COUNTY)).toBe([county.nodeId, second.nodeId].sort()[0]);
  });

  it('is this node for everything before sync is set up', async () => {
    const { city, county } = await cityAndCounty();
    expect(numberingNode(city.database.db, COUNTY)).toBe(county.nodeId);
    city.database.sqlite.prepare('DELETE FROM sync_identity').run();
    expect(numberingNode(city.database.db, COUNTY)).toBe(city.nodeId);
  });
});

describe('renumbering cases that share a number', () => {
  it('leaves the number to the case created first and gives each other one a new one, through the change log', async () => {
    const { core } = await testCore();
    const made = [];
    for (const title of ['甲', '乙', '丙', '丁']) made.push(await intake(core, title, CITY));
    const [first, second, third, other] = made.map((c) => c.id) as [string, string, string, string];
    const shared = made[0]!.number;
    // created in the order third, first, second: the third keeps the number
    shareNumber(core, shared, [third, first, second], ['2026-11-20T10:00:00.000+08:00', '2026-11-20T11:00:00.000+08:00', '2026-11-20T11:00:00.000+08:00']);
    const opsBefore = changeOps(core);

    const renumbered = renumber(core, [first]);

    const after = new Map(numbers(core).map((c) => [c.id, c.number]));
    expect(after.get(third)).toBe(shared);
    // same created_at: the smaller id goes first
    expect(renumbered.map((r) => r.caseId)).toEqual([first, second].sort());
    expect(new Set(after.values()).size).toBe(4);
    expect(after.get(other)).toBe(made[3]!.number);
    for (const r of renumbered) {
      expect(r.from).toBe(shared);
      expect(r.to).toBe(after.get(r.caseId));
      expect(r.to).toMatch(/^530700-2026-\d{5}$/);
    }
    // logged updates of the number: they travel to the other offices like any write
    const logged = core.database.sqlite
      .prepare("SELECT row_id, json_extract(columns, '$.number') FROM change_log WHERE table_name = 'cases' AND op = 'update' ORDER BY seq")
      .raw()
      .all();
    expect(logged).toEqual(renumbered.map((r) => [r.caseId, r.to]));
    expect(changeOps(core)).toBe(opsBefore + 2);
    expect(sharedNumber(core.database.db, third)).toEqual([]);

    // nothing shared any more: nothing to do
    expect(renumber(core, [first, second, third])).toEqual([]);
  });

  it('changes nothing where another office numbers the unit, and the page shows who else holds the number', async () => {
    const { city } = await cityAndCounty();
    const a = await intake(city, '甲', COUNTY);
    const b = await intake(city, '乙', COUNTY);
    shareNumber(city, a.number, [a.id, b.id], ['2026-11-20T10:00:00.000+08:00', '2026-11-20T11:00:00.000+08:00']);
    const before = numbers(city);
    const opsBefore = changeOps(city);

    expect(renumber(city, [a.id, b.id])).toEqual([]);
    expect(numbers(city)).toEqual(before);
    expect(changeOps(city)).toBe(opsBefore);
    expect(sharedNumber(city.database.db, b.id)).toEqual([{ id: a.id, number: a.number, unitId: unitId(COUNTY) }]);
    const detail = (await city.call(api.cases.get.name, { id: a.id })) as CaseDetail;
    expect(detail.sharedNumber).toEqual([{ id: b.id, number: a.number }]);
  });
});

describe('cases numbered at two offices while apart, exchanged by bundles', () => {
  const send = async (from: Core, to: Core) => importInto(to, await exportFor(from, to));

  // the city's clock runs an hour ahead of the county's: the county's new number must still win
  it.each([
    ['with the clocks agreeing', 0],
    ["with the city's clock an hour ahead", 3_600_000],
  ])('ends with distinct numbers, the same on both nodes, %s', async (_name, skew) => {
    const { city, county } = await cityAndCounty({ city: { now: () => new Date(Date.now() + skew) } });
    // the county learns the registry first, then both offices work apart
    await send(city, county);
    const atCounty = await intake(county, '县里受理的线索', COUNTY);
    const atCity = await intake(city, '市里受理的线索', COUNTY);
    expect(atCity.number).toBe(atCounty.number);

    await send(county, city);
    // the city does not number the county's cases: it shows the clash and waits
    expect(((await city.call(api.cases.get.name, { id: atCity.id })) as CaseDetail).sharedNumber).toEqual([{ id: atCounty.id, number: atCity.number }]);
    const intoCounty = await send(city, county);
    expect(intoCounty.deferred).toBe(0);
    await send(county, city);

    const cityNumbers = numbers(city);
    expect(cityNumbers.map((c) => c.id).sort()).toEqual([atCity.id, atCounty.id].sort());
    expect(numbers(county)).toEqual(cityNumbers);
    expect(new Set(cityNumbers.map((c) => c.number)).size).toBe(2);
    // the case made first keeps the number (the city's, made after the county's, and later still by its clock)
    const [keeper, moved] = city.database.sqlite.prepare('SELECT id FROM cases ORDER BY created_at, id').pluck().all() as [string, string];
    expect(cityNumbers.find((c) => c.id === keeper)!.number).toBe(atCounty.number);
    for (const core of [city, county]) {
      expect(core.database.sqlite.prepare('SELECT count(*) FROM sync_deferred').pluck().get()).toBe(0);
      expect(((await core.call(api.cases.get.name, { id: atCity.id })) as CaseDetail).sharedNumber).toEqual([]);
    }
    // the county's import records the renumbering in its audit entry
    const summaries = county.database.sqlite
      .prepare("SELECT summary FROM audit_log WHERE procedure = ? AND summary LIKE '%renumbered%'")
      .pluck()
      .all(api.sync.importBundle.name) as string[];
    expect(summaries.map((s) => (JSON.parse(s) as { renumbered: unknown }).renumbered)).toEqual([
      [{ caseId: moved, from: atCounty.number, to: cityNumbers.find((c) => c.id === moved)!.number }],
    ]);
  });

  it('renumbers at any import the numbers cases came to share otherwise (held back before the upgrade, applied at unlock)', async () => {
    const { city, county } = await cityAndCounty();
    await send(city, county);
    const [first, second] = [await intake(county, '县里受理的线索甲', COUNTY), await intake(county, '县里受理的线索乙', COUNTY)];
    shareNumber(county, first.number, [first.id, second.id], ['2026-11-01T09:00:00.000+08:00', '2026-11-02T09:00:00.000+08:00']);
    // a bundle with nothing about these cases
    await send(city, county);
    const after = numbers(county);
    expect(after.find((c) => c.id === first.id)!.number).toBe(first.number);
    expect(after.find((c) => c.id === second.id)!.number).not.toBe(first.number);
    expect(new Set(after.map((c) => c.number)).size).toBe(2);
  });
});
