import { describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import { syntheticId, testCore } from '../../testing/fixtures';
import { DEFAULT_WELFARE_SETTINGS } from '../settings';
import { currentHits, insertBatch } from '../testing';
import { nearIds } from './near-id';

const DEAD = syntheticId('530724', '19680804', '511');
const digit = (id: string, at: number) => `${id.slice(0, at)}${(Number(id[at]) + 1) % 10}${id.slice(at + 1)}`;
const swap = (id: string, at: number) => `${id.slice(0, at)}${id[at + 1]}${id[at]}${id.slice(at + 2)}`;

describe('near ID numbers', () => {
  it('are one character different, or two adjacent ones swapped; never equal', () => {
    expect(nearIds(DEAD, digit(DEAD, 0))).toBe(true);
    expect(nearIds(DEAD, digit(DEAD, 17))).toBe(true);
    expect(nearIds('530724196808045114', '530724196808054114')).toBe(true);
    expect(nearIds('530724196808045114', '530724196808045114')).toBe(false);
    expect(nearIds('530724196808045114', '530724196808056114')).toBe(false); // two changes side by side, not a swap
    expect(nearIds('530724196808045114', '530725196808045115')).toBe(false);
    expect(nearIds('530724196808045114', '53072419680804511')).toBe(false);
  });
});

describe('R12 likely dead (same name, near ID)', () => {
  it('flags a payment after the death of someone of the same name one slip away, at the fuzzy confidence', async () => {
    const { core } = await testCore();
    const deaths = insertBatch(core.database, 'deaths', [{ idNumber: DEAD, name: '易秀静', diedOn: '2026-01-03' }]);
    const oneDigit = digit(DEAD, 9);
    // a swap where the two blocking keys meet: the first ten characters differ, the last seven do not
    const swapped = swap(DEAD, 9);
    const twoDigits = digit(digit(DEAD, 3), 12);
    insertBatch(core.database, 'disbursements', [
      { idNumber: oneDigit, name: '易秀静', period: '2026-02' },
      { idNumber: oneDigit, name: '易秀静', period: '2026-01' }, // the month of death
      { idNumber: swapped, name: '易秀静', period: '2026-03' },
      { idNumber: twoDigits, name: '易秀静', period: '2026-02' },
      { idNumber: digit(DEAD, 5), name: '易秀', period: '2026-02' }, // another name
      { idNumber: DEAD, name: '易秀静', period: '2026-02' }, // the same ID: R1's, not a near one
    ]);
    await core.call(api.welfare.runRules.name, { rules: ['R12'] });

    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual([`R12|${oneDigit}|城乡低保|2026-02`, `R12|${swapped}|城乡低保|2026-03`].sort());
    expect(hits.get(`R12|${oneDigit}|城乡低保|2026-02`)).toMatchObject({ confidence: DEFAULT_WELFARE_SETTINGS.fuzzyConfidence });
    expect(hits.get(`R12|${oneDigit}|城乡低保|2026-02`)!.evidenceRefs.at(-1)).toEqual({ dataset: 'deaths', batchId: deaths.id, row: 2 });

    await core.call(api.welfare.updateSettings.name, { ...DEFAULT_WELFARE_SETTINGS, fuzzyConfidence: 0.6 });
    await core.call(api.welfare.runRules.name, { rules: ['R12'] });
    expect([...currentHits(core.database).values()].map((h) => h.confidence)).toEqual([0.6, 0.6]);
  });
});
