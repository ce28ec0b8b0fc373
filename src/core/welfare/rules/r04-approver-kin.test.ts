import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { currentHits, insertBatch } from '../testing';

const SELF = syntheticId('530722', '19810409', '417');
const APPROVER = syntheticId('530723', '19450113', '115');
const APPROVERS_SPOUSE = syntheticId('530723', '19460409', '841');
const OFFICIAL = syntheticId('530724', '20040110', '694');
const OFFICIALS_SISTER = syntheticId('530724', '19860805', '682');
const STRANGER = syntheticId('530724', '19750810', '692');
const MEMBER = syntheticId('530722', '19660303', '001');

describe('R4 approved by the recipient or kin', () => {
  it('flags the approver approving themself or a declared relative, either way round', async () => {
    const { core } = await testCore();
    const relatives = insertBatch(core.database, 'relatives', [
      { officialId: APPROVER, idNumber: APPROVERS_SPOUSE, relation: '配偶' },
      { officialId: OFFICIAL, idNumber: OFFICIALS_SISTER, relation: '兄弟姐妹' },
    ]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: SELF, approverName: '卢兰', approverId: SELF },
      { idNumber: MEMBER, householdHeadId: SELF, approverId: STRANGER }, // the household is not the approver's kin
      { idNumber: APPROVERS_SPOUSE, approverId: APPROVER },
      { idNumber: OFFICIAL, approverId: OFFICIALS_SISTER }, // the recipient declared the approver
      { idNumber: STRANGER, approverId: APPROVER },
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R4'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual(
      [`R4|${SELF}|城乡低保|2026-01`, `R4|${APPROVERS_SPOUSE}|城乡低保|2026-01`, `R4|${OFFICIAL}|城乡低保|2026-01`].sort(),
    );
    expect(hits.get(`R4|${OFFICIAL}|城乡低保|2026-01`)!.evidenceRefs.at(-1)).toEqual({ dataset: 'relatives', batchId: relatives.id, row: 3 });
  });
});
