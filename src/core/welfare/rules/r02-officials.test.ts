import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { DEFAULT_WELFARE_SETTINGS } from '../settings';
import { currentHits, insertBatch } from '../testing';

const CIVIL_SERVANT = syntheticId('530723', '19740826', '861');
const LEFT = syntheticId('530724', '19460905', '713');
const STARTS_LATER = syntheticId('530724', '19840905', '356');
const CADRE = syntheticId('530723', '19870722', '769');

describe('R2 officials paid from public funds', () => {
  it('flags an official of a paid category in post during the month, and nobody else', async () => {
    const { core } = await testCore();
    const officials = insertBatch(core.database, 'officials', [
      { idNumber: CIVIL_SERVANT, category: '公务员', startOn: '2021-03-01' },
      { idNumber: LEFT, category: '参公人员', startOn: '2010-01-01', endOn: '2025-11-22' },
      { idNumber: STARTS_LATER, category: '事业编制', startOn: '2026-02-01' },
      { idNumber: CADRE, category: '村(社区)干部' },
    ]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: CIVIL_SERVANT, period: '2026-01' },
      { idNumber: LEFT, period: '2025-11' }, // still in post for part of the month
      { idNumber: LEFT, period: '2026-01' },
      { idNumber: STARTS_LATER, period: '2026-01' },
      { idNumber: STARTS_LATER, period: '2026-02' },
      { idNumber: CADRE, period: '2026-01' }, // a cadre is R3's
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R2'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual([
      `R2|${CIVIL_SERVANT}|城乡低保|2026-01`,
      `R2|${LEFT}|城乡低保|2025-11`,
      `R2|${STARTS_LATER}|城乡低保|2026-02`,
    ].sort());
    expect(hits.get(`R2|${CIVIL_SERVANT}|城乡低保|2026-01`)!.evidenceRefs.at(-1)).toEqual({ dataset: 'officials', batchId: officials.id, row: 2 });
  });

  it('reads the paid categories from the settings', async () => {
    const { core } = await testCore();
    insertBatch(core.database, 'officials', [{ idNumber: CIVIL_SERVANT, category: '公务员' }]);
    insertBatch(core.database, 'disbursements', [{ idNumber: CIVIL_SERVANT }]);
    await core.call(api.welfare.updateSettings.name, { ...DEFAULT_WELFARE_SETTINGS, officialCategories: ['事业编制'] });
    const run = (await core.call(api.welfare.runRules.name, { rules: ['R2'] })) as { hits: number };
    expect(run.hits).toBe(0);
  });
});
