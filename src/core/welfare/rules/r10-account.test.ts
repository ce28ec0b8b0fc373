import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { currentHits, insertBatch } from '../testing';

const id = (n: number) => syntheticId('530723', '19700101', String(100 + n));

describe('R10 account anomalies', () => {
  it('flags an account held by the approver, or by an official in post in the township, not the recipient', async () => {
    const { core } = await testCore();
    const officials = insertBatch(core.database, 'officials', [
      { idNumber: id(90), name: '徐艳桂', category: '村(社区)干部', township: '云坪镇' },
      { idNumber: id(91), name: '汪强', category: '公务员', township: '玉桥镇' },
      { idNumber: id(92), name: '方刚', category: '公务员', township: '云坪镇', endOn: '2025-01-31' },
    ]);
    insertBatch(core.database, 'disbursements', [
      { idNumber: id(1), name: '卢静', township: '玉桥镇', accountHolder: '李梅', approverName: '李梅' },
      { idNumber: id(2), name: '郑俊刚', township: '云坪镇', accountHolder: '徐艳桂', approverName: '毛峰' },
      { idNumber: id(3), name: '胡敏凤', township: '云坪镇', accountHolder: '胡敏凤', approverName: '胡敏凤' }, // the recipient's own
      { idNumber: id(4), name: '张桂峰', township: '云坪镇', accountHolder: '汪强', approverName: '毛峰' }, // 汪强 is in 玉桥镇
      { idNumber: id(5), name: '和浩', township: '云坪镇', accountHolder: '方刚', approverName: '毛峰' }, // left the post
      { idNumber: id(6), name: '谢军琴', township: '云坪镇', accountHolder: '谢军', approverName: '毛峰' },
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R10'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual([`R10|${id(1)}|城乡低保|2026-01`, `R10|${id(2)}|城乡低保|2026-01`].sort());
    expect(hits.get(`R10|${id(2)}|城乡低保|2026-01`)!.evidenceRefs.at(-1)).toEqual({ dataset: 'officials', batchId: officials.id, row: 2 });
  });

  it('flags one account paid for three households in one program and month, not one household sharing it', async () => {
    const { core } = await testCore();
    const shared = '6228104376135613';
    const family = '62179031197663360';
    const batch = insertBatch(core.database, 'disbursements', [
      { idNumber: id(1), householdHeadId: id(1), bankAccount: shared },
      { idNumber: id(2), householdHeadId: id(1), bankAccount: shared },
      { idNumber: id(3), householdHeadId: id(3), bankAccount: shared },
      { idNumber: id(4), bankAccount: shared }, // no household head: a household of one
      { idNumber: id(5), householdHeadId: id(3), bankAccount: shared, program: '临时救助' }, // another program
      // four members of one household, one account
      ...[10, 11, 12, 13].map((n) => ({ idNumber: id(n), householdHeadId: id(10), bankAccount: family })),
      // three households, but in three months
      ...[20, 21, 22].map((n, i) => ({ idNumber: id(n), bankAccount: '6217', period: `2026-0${i + 1}` })),
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R10'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual([1, 2, 3, 4].map((n) => `R10|${id(n)}|城乡低保|2026-01`).sort());
    // each hit shows the other payments into the account
    expect(hits.get(`R10|${id(1)}|城乡低保|2026-01`)!.evidenceRefs).toEqual([2, 3, 4, 5].map((row) => ({ dataset: 'disbursements', batchId: batch.id, row })));
  });
});
