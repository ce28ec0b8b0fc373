import { describe, expect, it } from 'vitest';
import { api, type OrgUnit } from '../../../shared/api';
import type { RuleRun } from '../../../shared/api/welfare';
import { syntheticId, testCore } from '../../testing/fixtures';
import { currentHits, insertBatch } from '../testing';

const A = syntheticId('530721', '19800101', '011');
const B = syntheticId('530721', '19800101', '021');
const C = syntheticId('530723', '19800101', '031');
const D = syntheticId('530723', '19800101', '041');
const E = syntheticId('530723', '19800101', '051');

describe('R9 over the standard', () => {
  it("compares each payment with the standard of its program, county and month, a county's own first", async () => {
    const { core } = await testCore();
    const [root] = (await core.call(api.units.list.name, {})) as OrgUnit[];
    const yulong = (await core.call(api.units.create.name, { code: '530721', name: '玉龙纳西族自治县', kind: 'county', parentId: root!.id })) as OrgUnit;
    const standards = insertBatch(core.database, 'standards', [
      { program: '城乡低保', county: null, fromPeriod: '2025-01', maxAmountFen: 80_000 },
      { program: '城乡低保', county: '530721', fromPeriod: '2025-01', maxAmountFen: 70_000 },
      { program: '城乡低保', county: '玉龙县', fromPeriod: '2026-02', maxAmountFen: 75_000 },
    ]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: A, county: '玉龙县', period: '2026-01', amountFen: 72_000 }, // 700 for 530721 then
      { idNumber: B, county: '玉龙县', period: '2026-02', amountFen: 72_000 }, // 750 from February
      { idNumber: C, county: '华坪县', period: '2026-01', amountFen: 79_000 }, // no county standard: 800
      { idNumber: D, county: '华坪县', period: '2026-01', amountFen: 81_000 },
      { idNumber: E, county: '华坪县', program: '临时救助', period: '2026-01', amountFen: 500_000 }, // no standard at all
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R9'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual([`R9|${A}|城乡低保|2026-01`, `R9|${D}|城乡低保|2026-01`].sort());
    expect(hits.get(`R9|${A}|城乡低保|2026-01`)).toMatchObject({ amountFen: 72_000, recoverableFen: 2_000, county: '玉龙县', countyUnitId: yulong.id });
    expect(hits.get(`R9|${A}|城乡低保|2026-01`)!.evidenceRefs.at(-1)).toEqual({ dataset: 'standards', batchId: standards.id, row: 3 });
    expect(hits.get(`R9|${D}|城乡低保|2026-01`)).toMatchObject({ recoverableFen: 1_000, countyUnitId: null });
  });

  it('says which payments it could not compare: a county written as a code in the standards and as a name in the payments, with no county unit to tie them', async () => {
    const { core } = await testCore();
    insertBatch(core.database, 'standards', [{ program: '城乡低保', county: '530721', fromPeriod: '2025-01', maxAmountFen: 70_000 }]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: A, county: '玉龙县', period: '2026-01', amountFen: 72_000 },
      { idNumber: B, county: '玉龙县', period: '2026-01', amountFen: 90_000 },
      { idNumber: C, county: '530721', period: '2026-01', amountFen: 71_000 }, // compared: over
      { idNumber: E, county: '华坪县', program: '临时救助', period: '2026-01', amountFen: 500_000 }, // no standard for the program at all
    ]);
    const run = (await core.call(api.welfare.runRules.name, { rules: ['R9'] })) as RuleRun;
    expect([...currentHits(core.database).keys()]).toEqual([`R9|${C}|城乡低保|2026-01`]);
    expect(run.withoutStandard).toEqual([{ program: '城乡低保', county: '玉龙县', period: '2026-01', payments: 2 }]);

    // with the county in the registry, 玉龙县 and 530721 are one county: all compared
    const [root] = (await core.call(api.units.list.name, {})) as OrgUnit[];
    await core.call(api.units.create.name, { code: '530721', name: '玉龙纳西族自治县', kind: 'county', parentId: root!.id });
    const again = (await core.call(api.welfare.runRules.name, { rules: ['R9'] })) as RuleRun;
    expect(again.withoutStandard).toEqual([]);
    expect(currentHits(core.database).size).toBe(3);
    // a run without R9 says nothing of it
    expect(((await core.call(api.welfare.runRules.name, { rules: ['R8'] })) as RuleRun).withoutStandard).toBeUndefined();
  });
});
