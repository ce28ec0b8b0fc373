import { describe, expect, it } from 'vitest';
import { api, type Peer, type SyncStatus } from '../../shared/api';
import { testCore } from '../testing/fixtures';

describe('the demo sync peers', () => {
  it('are the two county offices, active, each with its county as scope, past exchanges and nothing waiting until something changes', async () => {
    const { core } = await testCore({ demo: true, now: () => new Date('2026-11-27T06:00:00Z') });
    const peers = (await core.call(api.sync.peers.name, {})) as Peer[];
    expect(peers.map((p) => [p.name, p.scopeCode, p.state]).sort()).toEqual([
      ['宁蒗彝族自治县', '530724', 'active'],
      ['玉龙纳西族自治县', '530721', 'active'],
    ]);
    const status = (await core.call(api.sync.status.name, {})) as SyncStatus;
    for (const peer of status.peers) {
      expect(peer.lastBundleIn! > '2026-11-26').toBe(true);
      expect(peer.lastBundleOut).not.toBeNull();
      expect(peer.waiting).toBe(0);
    }
    // a clue registered for a county now waits for that county's office only
    await core.call(api.cases.intake.name, {
      title: '反映某村民小组长截留补贴问题',
      source: 'letters_visits',
      receivedDate: '2026-11-26',
      unitId: await unitIdOf(core, '530724'),
      complainant: { named: false },
      subjects: [{ name: '沙某' }],
    });
    const after = (await core.call(api.sync.status.name, {})) as SyncStatus;
    const waiting = Object.fromEntries(after.peers.map((p) => [p.name, p.waiting]));
    expect(waiting['宁蒗彝族自治县']).toBeGreaterThan(0);
    expect(waiting['玉龙纳西族自治县']).toBe(0);
  }, 120_000);
});

async function unitIdOf(core: Awaited<ReturnType<typeof testCore>>['core'], code: string): Promise<string> {
  const units = (await core.call(api.units.list.name, {})) as { id: string; code: string }[];
  return units.find((u) => u.code === code)!.id;
}
