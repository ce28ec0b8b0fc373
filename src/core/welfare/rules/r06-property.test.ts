import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { currentHits, insertBatch } from '../testing';

const SHOP_OWNER = syntheticId('530721', '19420508', '530');
const HEAD = syntheticId('530721', '19740606', '903');
const SPOUSE = syntheticId('530721', '19760606', '104');
const COUPLE = syntheticId('530723', '19760312', '966');
const COUPLE_SPOUSE = syntheticId('530723', '19580509', '597');
const ONE_HOME = syntheticId('530724', '19620209', '420');
const FACTORY = syntheticId('530724', '19650703', '927');
const LATE_SHOP = syntheticId('530702', '19880209', '731');

describe('R6 commercial property or several homes', () => {
  it('flags commercial property, and two homes in a household, at once', async () => {
    const { core } = await testCore();
    const properties = insertBatch(core.database, 'properties', [
      { idNumber: SHOP_OWNER, use: '商业', location: '某路1号' },
      { idNumber: HEAD, use: '住宅', location: '住宅626' },
      { idNumber: SPOUSE, use: '住宅', location: '住宅157' },
      // one home registered to both spouses is one home
      { idNumber: COUPLE, use: '住宅', location: '住宅935' },
      { idNumber: COUPLE_SPOUSE, use: '住宅', location: '住宅935' },
      { idNumber: ONE_HOME, use: '住宅', location: '某路466号' },
      { idNumber: FACTORY, use: '工业', location: '某路390号' },
      { idNumber: LATE_SHOP, use: '办公', location: '某路7号', registeredOn: '2026-02-01' },
    ]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: SHOP_OWNER, householdHeadId: SHOP_OWNER },
      { idNumber: HEAD, householdHeadId: HEAD },
      { idNumber: SPOUSE, householdHeadId: HEAD },
      { idNumber: COUPLE, householdHeadId: COUPLE },
      { idNumber: COUPLE_SPOUSE, householdHeadId: COUPLE },
      { idNumber: ONE_HOME },
      { idNumber: FACTORY },
      { idNumber: LATE_SHOP }, // registered after the month
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R6'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual(
      [`R6|${SHOP_OWNER}|城乡低保|2026-01`, `R6|${HEAD}|城乡低保|2026-01`, `R6|${SPOUSE}|城乡低保|2026-01`].sort(),
    );
    expect(hits.get(`R6|${SPOUSE}|城乡低保|2026-01`)!.evidenceRefs.filter((e) => e.dataset === 'properties')).toEqual([
      { dataset: 'properties', batchId: properties.id, row: 3 },
      { dataset: 'properties', batchId: properties.id, row: 4 },
    ]);
  });
});
