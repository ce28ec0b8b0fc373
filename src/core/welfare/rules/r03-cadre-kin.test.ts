import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { currentHits, insertBatch } from '../testing';

const CADRE = syntheticId('530722', '20010105', '687');
const OFFICIAL = syntheticId('530723', '19560418', '977');
const OTHER_CADRE = syntheticId('530702', '19930321', '118');
const CIVIL_SERVANT = syntheticId('530723', '19740826', '861');
const KIN_SAME_TOWNSHIP = syntheticId('530723', '19680526', '222');
const VILLAGE_CADRE = syntheticId('530723', '19711028', '942');
const KIN_SAME_VILLAGE = syntheticId('530723', '19700101', '333');
const KIN_OTHER_TOWNSHIP = syntheticId('530723', '19720202', '444');
const KIN_ELSEWHERE = syntheticId('530722', '20000407', '417');

describe('R3 village cadres and kin of officials', () => {
  it('flags a cadre in post, and kin of an official of the same township or village', async () => {
    const { core } = await testCore();
    const officials = insertBatch(core.database, 'officials', [
      { idNumber: CADRE, category: '村(社区)干部', township: '石塘镇', village: '石塘下村' },
      { idNumber: OFFICIAL, category: '村(社区)干部', township: '石沟镇', village: '石沟东村' },
      { idNumber: OTHER_CADRE, category: '村(社区)干部', township: '清坪镇', village: '清坪上村' },
      { idNumber: CIVIL_SERVANT, category: '公务员', township: '云坪镇' },
      // the township as the cadre register spells it, the village as the payment list does
      { idNumber: VILLAGE_CADRE, category: '村(社区)干部', township: '白沟乡', village: '白沟西村' },
    ]);
    const relatives = insertBatch(core.database, 'relatives', [
      { officialId: OFFICIAL, idNumber: KIN_SAME_TOWNSHIP, relation: '子女' },
      { officialId: CIVIL_SERVANT, idNumber: KIN_OTHER_TOWNSHIP, relation: '配偶' },
      { officialId: VILLAGE_CADRE, idNumber: KIN_SAME_VILLAGE, relation: '父母' },
      { officialId: OTHER_CADRE, idNumber: KIN_ELSEWHERE, relation: '兄弟姐妹' },
    ]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: CADRE, township: '石塘镇', village: '石塘下村' },
      { idNumber: KIN_SAME_TOWNSHIP, township: '石沟镇', village: '石沟下村' },
      { idNumber: KIN_SAME_VILLAGE, township: '白沟镇', village: '白沟西村' },
      { idNumber: KIN_OTHER_TOWNSHIP, township: '白沟镇', village: '白沟西村' }, // the official's post is in 云坪镇
      { idNumber: KIN_ELSEWHERE, township: '山坝镇', village: '山坝下村' }, // kin of a cadre in another county
      { idNumber: CIVIL_SERVANT, township: '云坪镇', village: '云坪东村' }, // an official is R2's
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R3'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual(
      [`R3|${CADRE}|城乡低保|2026-01`, `R3|${KIN_SAME_TOWNSHIP}|城乡低保|2026-01`, `R3|${KIN_SAME_VILLAGE}|城乡低保|2026-01`].sort(),
    );
    expect(hits.get(`R3|${KIN_SAME_TOWNSHIP}|城乡低保|2026-01`)!.evidenceRefs.slice(1)).toEqual([
      { dataset: 'officials', batchId: officials.id, row: 3 },
      { dataset: 'relatives', batchId: relatives.id, row: 2 },
    ]);
  });

  it('does not flag kin of an official who had left the post', async () => {
    const { core } = await testCore();
    insertBatch(core.database, 'officials', [{ idNumber: OFFICIAL, category: '公务员', township: '石沟镇', endOn: '2025-06-30' }]);
    insertBatch(core.database, 'relatives', [{ officialId: OFFICIAL, idNumber: KIN_SAME_TOWNSHIP }]);
    insertBatch(core.database, 'disbursements', [{ idNumber: KIN_SAME_TOWNSHIP, township: '石沟镇' }]);
    const run = (await core.call(api.welfare.runRules.name, { rules: ['R3'] })) as { hits: number };
    expect(run.hits).toBe(0);
  });
});
