import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { currentHits, insertBatch } from '../testing';

const VALID = syntheticId('530721', '19490128', '039');
const WRONG_CHECK = `${VALID.slice(0, 17)}${VALID.endsWith('6') ? '7' : '6'}`;
const NO_SUCH_DATE = '530723199502307893';
const BORN_LATER = syntheticId('530724', '20260215', '011');

describe('R11 invalid ID number', () => {
  it('flags a wrong check character, a birth date that does not exist, and one after the month paid', async () => {
    const { core } = await testCore();
    insertBatch(core.database, 'disbursements', [
      { idNumber: VALID, program: '特困供养' },
      { idNumber: WRONG_CHECK, program: '特困供养' },
      { idNumber: NO_SUCH_DATE },
      { idNumber: BORN_LATER, period: '2026-01' },
      { idNumber: BORN_LATER, period: '2026-02' }, // born in the month paid: possible
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R11'] });

    expect([...currentHits(core.database).keys()]).toEqual(
      [`R11|${WRONG_CHECK}|特困供养|2026-01`, `R11|${NO_SUCH_DATE}|城乡低保|2026-01`, `R11|${BORN_LATER}|城乡低保|2026-01`].sort(),
    );
  });
});
