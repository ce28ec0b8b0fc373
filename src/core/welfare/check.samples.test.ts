// The sample month of ../shared/samples/welfare, imported as a user imports it (GB18030 and
// UTF-8 files, 15-digit IDs, full-width digits, spaces in names, several date and amount styles)
// and compared: exactly the hits of expected-hits.csv, none of the near-misses planted beside them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, type OrgUnit } from '../../shared/api';
import { DATASETS, type RuleRun } from '../../shared/api/welfare';
import { REPO_ROOT } from '../paths';
import { testCore } from '../testing/fixtures';
import { currentHits, importThroughUpload } from './testing';

const SAMPLES = path.join(REPO_ROOT, 'test-data/welfare-samples');

/** The prefecture's counties as the registry names them; the files write 玉龙县, the standards 530721. */
const COUNTIES = [
  ['530702', '古城区'],
  ['530721', '玉龙纳西族自治县'],
  ['530722', '永胜县'],
  ['530723', '华坪县'],
  ['530724', '宁蒗彝族自治县'],
];

describe('the sample month', () => {
  it('gives exactly the expected hits, and the same ones when run again', async () => {
    const { core } = await testCore();
    const [root] = (await core.call(api.units.list.name, {})) as OrgUnit[];
    for (const [code, name] of COUNTIES) await core.call(api.units.create.name, { code, name, kind: 'county', parentId: root!.id });
    for (const dataset of DATASETS) {
      const report = await importThroughUpload(core, path.join(SAMPLES, `${dataset}.csv`), dataset);
      expect(report.batch.rejected, dataset).toBe(0);
    }

    const run = (await core.call(api.welfare.runRules.name, {})) as RuleRun;
    const expected = fs.readFileSync(path.join(SAMPLES, 'expected-hits.csv'), 'utf8').trim().split(/\r?\n/).slice(1).sort();
    const found = () => [...currentHits(core.database).values()].map((h) => [h.rule, h.idNumber, h.program, h.period].join(',')).sort();
    expect(found()).toEqual(expected);
    expect(run).toMatchObject({ hits: expected.length, newHits: expected.length, noLongerFound: 0 });

    // every hit names its county unit, and R12's rest on a name: below certainty
    const hits = [...currentHits(core.database).values()];
    expect(hits.filter((h) => h.countyUnitId === null)).toEqual([]);
    expect(new Set(hits.filter((h) => h.rule === 'R12').map((h) => h.confidence))).toEqual(new Set([0.8]));
    expect(new Set(hits.filter((h) => h.rule !== 'R12').map((h) => h.confidence))).toEqual(new Set([1]));

    const again = (await core.call(api.welfare.runRules.name, {})) as RuleRun;
    expect(again).toMatchObject({ hits: expected.length, newHits: 0, noLongerFound: 0 });
    expect(found()).toEqual(expected);
  });
});
