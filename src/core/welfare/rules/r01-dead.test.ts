import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { currentHits, insertBatch } from '../testing';

const DEAD = syntheticId('530721', '19400101', '011');

describe('R1 paid after death', () => {
  it('flags each month paid after the month of death, with the payment and the death record as evidence', async () => {
    const { core } = await testCore();
    const deaths = insertBatch(core.database, 'deaths', [{ idNumber: DEAD, name: '和丽', diedOn: '2026-01-20' }]);
    const paid = insertBatch(core.database, 'disbursements', [
      { idNumber: DEAD, name: '和丽', period: '2026-01' }, // the month of death: that month was due
      { idNumber: DEAD, name: '和丽', period: '2026-02', amountFen: 61_000 },
      { idNumber: syntheticId('530721', '19450101', '021'), period: '2026-02' },
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R1'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual([`R1|${DEAD}|城乡低保|2026-02`]);
    const hit = hits.get(`R1|${DEAD}|城乡低保|2026-02`)!;
    expect(hit).toMatchObject({ name: '和丽', amountFen: 61_000, recoverableFen: 61_000, confidence: 1, status: 'new' });
    expect(hit.evidenceRefs).toEqual([
      { dataset: 'disbursements', batchId: paid.id, row: 3 },
      { dataset: 'deaths', batchId: deaths.id, row: 2 },
    ]);
  });

  it('never joins an invalid ID, and reads complete batches only', async () => {
    const { core } = await testCore();
    const invalid = `${DEAD.slice(0, 17)}${DEAD.endsWith('0') ? '1' : '0'}`;
    insertBatch(core.database, 'deaths', [{ idNumber: invalid, diedOn: '2025-06-01' }]);
    insertBatch(core.database, 'deaths', [{ idNumber: DEAD, diedOn: '2025-06-01' }], { status: 'withdrawn' });
    insertBatch(core.database, 'disbursements', [
      { idNumber: invalid, period: '2026-01' },
      { idNumber: DEAD, period: '2026-01' },
    ]);
    insertBatch(core.database, 'deaths', [{ idNumber: DEAD, diedOn: '2025-06-01' }], { status: 'importing' });
    const run = (await core.call(api.welfare.runRules.name, { rules: ['R1'] })) as { hits: number };
    expect(run.hits).toBe(0);

    // the same death record in a complete batch is found
    insertBatch(core.database, 'deaths', [{ idNumber: DEAD, diedOn: '2025-06-01' }]);
    await core.call(api.welfare.runRules.name, { rules: ['R1'] });
    expect([...currentHits(core.database).keys()]).toEqual([`R1|${DEAD}|城乡低保|2026-01`]);
  });
});
