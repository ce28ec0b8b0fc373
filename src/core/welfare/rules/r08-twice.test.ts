import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { currentHits, insertBatch } from '../testing';

const TWICE = syntheticId('530721', '19521025', '033');
const TWO_PROGRAMS = syntheticId('530723', '19770226', '470');

describe('R8 paid twice', () => {
  it('flags the same ID, program and month paid more than once; what is beyond the first payment is recoverable', async () => {
    const { core } = await testCore();
    const january = insertBatch(core.database, 'disbursements', [
      { idNumber: TWICE, amountFen: 50_000, paidOn: '2026-01-15' },
      { idNumber: TWO_PROGRAMS, program: '城乡低保' },
      { idNumber: TWO_PROGRAMS, program: '临时救助' },
      { idNumber: TWICE, period: '2026-02' },
    ]);
    // the same month again in a second list, paid earlier
    const second = insertBatch(core.database, 'disbursements', [{ idNumber: TWICE, amountFen: 40_000, paidOn: '2026-01-10' }]);
    await core.call(api.welfare.runRules.name, { rules: ['R8'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual([`R8|${TWICE}|城乡低保|2026-01`]);
    const hit = hits.get(`R8|${TWICE}|城乡低保|2026-01`)!;
    expect(hit).toMatchObject({ amountFen: 90_000, recoverableFen: 50_000 });
    expect(hit.evidenceRefs).toEqual(
      [
        { dataset: 'disbursements', batchId: january.id, row: 2 },
        { dataset: 'disbursements', batchId: second.id, row: 2 },
      ].sort((a, b) => (a.batchId < b.batchId ? -1 : 1)),
    );
  });
});
