import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { DEFAULT_WELFARE_SETTINGS } from '../settings';
import { currentHits, insertBatch } from '../testing';

const HEAD = syntheticId('530702', '19481004', '265');
const MEMBER = syntheticId('530702', '19790916', '790');
const UNPAID_HEAD = syntheticId('530722', '19520828', '195');
const CHILD = syntheticId('530722', '19840313', '499');
const NEIGHBOUR = syntheticId('530702', '19500101', '123');

describe('R5 a household owning a vehicle', () => {
  it("flags every member paid in the month of a household with a car, the head's own car included", async () => {
    const { core } = await testCore();
    const vehicles = insertBatch(core.database, 'vehicles', [
      { idNumber: MEMBER, vehicleType: '小型轿车', registeredOn: '2023-02-11' },
      // the head is not paid, but the household is known by the head's ID
      { idNumber: UNPAID_HEAD, vehicleType: '小型普通客车', registeredOn: '2026-02-05' },
    ]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: HEAD, householdHeadId: HEAD, period: '2026-01' },
      { idNumber: MEMBER, householdHeadId: HEAD, period: '2026-01' },
      { idNumber: NEIGHBOUR, householdHeadId: NEIGHBOUR, period: '2026-01' },
      { idNumber: CHILD, householdHeadId: UNPAID_HEAD, period: '2026-01' }, // registered after the month
      { idNumber: CHILD, householdHeadId: UNPAID_HEAD, period: '2026-02' },
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R5'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual(
      [`R5|${HEAD}|城乡低保|2026-01`, `R5|${MEMBER}|城乡低保|2026-01`, `R5|${CHILD}|城乡低保|2026-02`].sort(),
    );
    expect(hits.get(`R5|${HEAD}|城乡低保|2026-01`)!.evidenceRefs.at(-1)).toEqual({ dataset: 'vehicles', batchId: vehicles.id, row: 2 });
  });

  it('does not flag an exempt type, a vehicle deregistered before the month, or one of another household', async () => {
    const { core } = await testCore();
    insertBatch(core.database, 'vehicles', [
      { idNumber: HEAD, vehicleType: '摩托车' },
      { idNumber: HEAD, vehicleType: '残疾人专用车' },
      { idNumber: MEMBER, vehicleType: '小型轿车', deregisteredOn: '2025-12-31' },
      { idNumber: NEIGHBOUR, vehicleType: '轻型货车' },
    ]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: HEAD, householdHeadId: HEAD, period: '2026-01' },
      { idNumber: MEMBER, householdHeadId: HEAD, period: '2026-01' },
    ]);
    const run = (await core.call(api.welfare.runRules.name, { rules: ['R5'] })) as { hits: number };
    expect(run.hits).toBe(0);

    // the exempt types are a setting
    await core.call(api.welfare.updateSettings.name, { ...DEFAULT_WELFARE_SETTINGS, exemptVehicleTypes: ['残疾人专用车'] });
    await core.call(api.welfare.runRules.name, { rules: ['R5'] });
    expect([...currentHits(core.database).keys()]).toEqual([`R5|${HEAD}|城乡低保|2026-01`, `R5|${MEMBER}|城乡低保|2026-01`].sort());
  });
});
