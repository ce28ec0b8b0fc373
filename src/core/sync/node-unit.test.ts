// Every node is set up with the commission's root; a county office's node names its county once
// the county has arrived from the city, and its next bundle tells the city.
import { describe, expect, it } from 'vitest';
import { api, type CaseDetail, type IdentityFile, type Peer } from '../../shared/api';
import { unitId } from '../registry/units';
import { clue, exchange, offices, refusal } from './two-offices';

describe("a node's unit", () => {
  it('is named by the county node once its county is there, and followed by its peers from its next bundle', async () => {
    const { city, county } = await offices();
    expect(await refusal(county.call(api.sync.setNodeUnit.name, { unitCode: '530721' }))).toBe('UNIT_NOT_FOUND');
    await exchange(city, county);
    const named = (await county.call(api.sync.setNodeUnit.name, { unitCode: '530721' })) as IdentityFile;
    expect([named.unitCode, named.unitName]).toEqual(['530721', '玉龙县']);
    expect(((await county.call(api.sync.identity.name, {})) as IdentityFile).unitCode).toBe('530721');

    const before = ((await city.call(api.sync.peers.name, {})) as Peer[]).find((p) => p.nodeId === county.nodeId)!;
    expect(before.unitCode).toBe('530700');
    // a clue the county registers: at the city, its opening is shown as recorded at the county
    const opened = (await county.call(api.cases.intake.name, clue('某村委会主任虚报冒领', unitId('530721')))) as CaseDetail;
    await exchange(county, city);
    const after = ((await city.call(api.sync.peers.name, {})) as Peer[]).find((p) => p.nodeId === county.nodeId)!;
    expect([after.unitCode, after.name, after.scopeCode]).toEqual(['530721', '玉龙县', '530721']);
    const atCity = (await city.call(api.cases.get.name, { id: opened.id })) as CaseDetail;
    expect(atCity.events.map((e) => e.office)).toEqual(['玉龙县']);
    // and at the county, its own events name no office
    expect(((await county.call(api.cases.get.name, { id: opened.id })) as CaseDetail).events.map((e) => e.office)).toEqual([null]);
  });
});
