import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { currentHits, insertBatch } from '../testing';

const REPRESENTATIVE = syntheticId('530721', '19661114', '933');
const HEAD = syntheticId('530702', '19950413', '278');
const SHAREHOLDER = syntheticId('530702', '19981024', '231');
const SUPERVISOR = syntheticId('530721', '19600304', '483');
const CLOSED = syntheticId('530723', '19691216', '036');
const TOO_NEW = syntheticId('530724', '19710101', '555');

describe('R7 runs a business', () => {
  it('flags a legal representative or a shareholder in the household of a running business', async () => {
    const { core } = await testCore();
    const businesses = insertBatch(core.database, 'businesses', [
      { idNumber: REPRESENTATIVE, role: '法定代表人', status: '存续' },
      { idNumber: SHAREHOLDER, role: '股东', status: null },
      { idNumber: SUPERVISOR, role: '监事', status: '存续' },
      { idNumber: CLOSED, role: '法定代表人', status: '注销' },
      { idNumber: TOO_NEW, role: '法定代表人', foundedOn: '2026-02-01' },
    ]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: REPRESENTATIVE },
      { idNumber: HEAD, householdHeadId: HEAD },
      { idNumber: SHAREHOLDER, householdHeadId: HEAD },
      { idNumber: SUPERVISOR },
      { idNumber: CLOSED },
      { idNumber: TOO_NEW, period: '2026-01' },
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R7'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual(
      [`R7|${REPRESENTATIVE}|城乡低保|2026-01`, `R7|${HEAD}|城乡低保|2026-01`, `R7|${SHAREHOLDER}|城乡低保|2026-01`].sort(),
    );
    expect(hits.get(`R7|${HEAD}|城乡低保|2026-01`)!.evidenceRefs.at(-1)).toEqual({ dataset: 'businesses', batchId: businesses.id, row: 3 });
  });
});
