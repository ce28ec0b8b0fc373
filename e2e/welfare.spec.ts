import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DATASETS, type Dataset } from '../src/shared/api/welfare';
import { zhCN } from '../src/shared/i18n/zh-CN';
import { expect, syntheticIdNumber, test } from './fixtures';
import type { AppModel } from './pages/app';
import { hitKey, HitModel, HitsModel, WelfareImportModel } from './pages/welfare';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The synthetic sample month of the issue, beside the repository. */
const SAMPLES = path.resolve(REPO_ROOT, 'test-data', 'welfare-samples');
const sample = (dataset: Dataset) => path.join(SAMPLES, `${dataset}.csv`);
/** The dataset's name as the import screen lists it. */
const datasetLabel = (dataset: Dataset) => zhCN.welfare.dataset[dataset];

function screens(page: Page) {
  return { importing: new WelfareImportModel(page), hits: new HitsModel(page), hit: new HitModel(page) };
}

/** Data rows of a sample file: its non-blank lines but the header (0x0A is a line end in GB18030 too). */
function dataRows(file: string): number {
  return fs
    .readFileSync(file)
    .toString('latin1')
    .split('\n')
    .filter((line) => line.trim() !== '').length - 1;
}

/** Imports sample files through the screen, checking that each report accounts for every row. */
async function importSamples(app: AppModel, datasets: readonly Dataset[]): Promise<void> {
  const { importing } = screens(app.page);
  await app.goTo('数据导入');
  for (const dataset of datasets) {
    await importing.importFile(datasetLabel(dataset), sample(dataset), `${dataset}.csv`);
    const rows = await importing.count('rows');
    const accepted = await importing.count('accepted');
    const rejected = await importing.count('rejected');
    expect(rows, dataset).toBe(dataRows(sample(dataset)));
    expect(accepted + rejected, dataset).toBe(rows);
    await expect(importing.batch(`${dataset}.csv`)).toHaveAttribute('data-status', 'complete');
  }
}

test('on a new database: the same file twice is refused, unknown headers go through the column mapping, a cancelled import leaves no batch', async ({ app, page }, testInfo) => {
  test.setTimeout(120_000);
  const { importing } = screens(page);
  await app.setUpAdministrator();
  await app.goTo('数据导入');

  await importing.importFile(datasetLabel('deaths'), sample('deaths'), 'deaths.csv');
  await importing.start(datasetLabel('deaths'), sample('deaths'));
  await expect(importing.duplicate).toContainText('deaths.csv');
  await expect(importing.batches).toHaveCount(1);

  const header = '逝者,身份号码,死亡时间,备注';
  const first = testInfo.outputPath('火化名单-一月.csv');
  const firstRows = [
    `木测丙,${syntheticIdNumber('19300101', '011')},2026-01-03,殡仪馆`,
    `和测丁,${syntheticIdNumber('19310202', '022')},2026/1/9,殡仪馆`,
    `杨测己,${syntheticIdNumber('19330404', '041')},2026/13/9,殡仪馆`,
  ];
  fs.writeFileSync(first, [header, ...firstRows].join('\r\n'), 'utf8');
  const second = testInfo.outputPath('火化名单-二月.csv');
  fs.writeFileSync(second, [header, `杨测戊,${syntheticIdNumber('19320303', '031')},2026年2月1日,殡仪馆`].join('\r\n'), 'utf8');
  await importing.start(datasetLabel('deaths'), first);
  await expect(importing.mapping).toBeVisible();
  await expect(page.getByTestId('mapping-missing')).toContainText('姓名');
  await expect(importing.mapping.getByTestId('mapping-remembered')).toHaveCount(0);
  await expect(importing.mapping.getByTestId('mapping-confirm')).toBeDisabled();
  await importing.mapField('name', '逝者');
  await importing.mapField('id_number', '身份号码');
  await importing.mapField('died_on', '死亡时间');
  await expect(importing.mappingRow('name').getByTestId('mapping-sample')).toContainText('木测丙');
  await importing.confirmMapping();
  await expect(importing.report).toContainText('火化名单-一月.csv');
  await expect(importing.figure('accepted')).toHaveText('2');
  await expect(importing.rejectedRow(4)).toContainText('日期无法识别：2026/13/9');
  const downloading = page.waitForEvent('download');
  await importing.downloadRejected.click();
  const csv = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(csv.split('\r\n').filter(Boolean)).toEqual(['\uFEFF行号,字段,原因,原值', '4,死亡日期,日期无法识别：2026/13/9,2026/13/9']);
  // the same header next month: the mapping is offered as remembered
  await importing.start(datasetLabel('deaths'), second, { review: true });
  await expect(importing.mapping.getByTestId('mapping-remembered')).toBeVisible();
  await expect(importing.mappingRow('died_on').getByTestId('mapping-select')).toHaveValue('死亡时间');
  await importing.confirmMapping();
  await expect(importing.report).toContainText('火化名单-二月.csv');
  await expect(importing.figure('accepted')).toHaveText('1');
  await expect(importing.batches).toHaveCount(3);

  // large enough (about 30 MB) that the import is still running when Cancel is pressed
  const big = testInfo.outputPath('本月发放明细.csv');
  const ids = Array.from({ length: 100 }, (_, i) => syntheticIdNumber('19600101', String(100 + i)));
  const lines = ['项目名称,发放年月,姓名,身份证号,户主身份证号,与户主关系,县区,乡镇,村社区,发放金额'];
  for (let i = 0; i < 400_000; i += 1) lines.push(`城乡低保,2026-01,测试${i % 100},${ids[i % 100]},,,玉龙县,黑坪镇,黑坪南村,500.00`);
  fs.writeFileSync(big, `${lines.join('\n')}\n`, 'utf8');
  await importing.start(datasetLabel('disbursements'), big);
  await importing.cancelButton.click();
  await expect(importing.cancelled).toContainText('数据库未作任何改动');
  // the list as it stands after the next import: that one added, the cancelled one nowhere
  await importing.importFile(datasetLabel('standards'), sample('standards'), 'standards.csv');
  await expect(importing.batches).toHaveCount(4);
  await expect(importing.batch('本月发放明细.csv')).toHaveCount(0);
});

/*
 * On the demo: its org units let the rules tell that 530722 in the standards and 永胜县 in the
 * payments are one county (R9), and its county officers verify. Its own welfare files are
 * withdrawn first, so that only the sample files take part in the run.
 */
test.describe('with the demo data', () => {
  test.use({ demo: true });

  test('the analyst imports the sample month and finds exactly the expected hits; 玉龙县 confirms one and hands it over as a clue', async ({ app, page }) => {
    test.setTimeout(180_000);
    const { importing, hits, hit } = screens(page);
    await app.loginAs('analyst');
    await app.goTo('数据导入');
    await importing.withdrawAll('演示数据，不参加本次比对');
    await importSamples(app, DATASETS);

    await app.goTo('比对疑点');
    await hits.runRules();
    await hits.pageSize(500);
    const expected = fs
      .readFileSync(path.join(SAMPLES, 'expected-hits.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .sort();
    // polled: the board reloads once more under the larger page size
    await expect.poll(async () => (await hits.readRows()).map(hitKey).sort(), { timeout: 30_000 }).toEqual(expected);
    await expect(hits.total).toHaveAttribute('data-total', String(expected.length));
    await expect(hits.run).toHaveAttribute('data-hits', String(expected.length));

    // the board and the summary leave as files
    for (const [item, extension] of [
      ['export-board', '.xlsx'],
      ['export-summary', '.docx'],
    ] as const) {
      await page.getByTestId('hits-export').click();
      const downloading = page.waitForEvent('download');
      await page.getByTestId(item).click();
      expect((await downloading).suggestedFilename().endsWith(extension)).toBe(true);
    }

    // an ID number with a wrong check character (R11) in 玉龙县's payments goes to the county
    const target = { rule: 'R11', idNumber: '530721194901280396', program: '特困供养', period: '2026-01' };
    const row = hits.row(target);
    await hits.select(row);
    await hits.assignTo('玉龙纳西族自治县');
    await expect(row).toHaveAttribute('data-status', 'assigned');

    await app.logOut();
    await app.loginAs('yulong');
    await app.goTo('比对疑点');
    // the county sees what was sent to it, and nothing else
    await hits.search(target.idNumber);
    await expect(hits.total).toHaveAttribute('data-total', '1');
    await row.getByTestId('hit-open').click();
    await expect(hit.root).toHaveAttribute('data-status', 'assigned');
    await expect(page.getByTestId('evidence-record').first()).toContainText('disbursements.csv');
    await hit.recordFinding('属实', {
      reason: '经入户核实，身份证号登记错误，该户不符合特困供养条件。',
      files: [{ name: '入户核查记录.txt', mimeType: 'text/plain', buffer: Buffer.from('入户核查记录（测试）') }],
    });
    await expect(hit.root).toHaveAttribute('data-status', 'confirmed');
    await expect(hit.entry('finding')).toHaveAttribute('data-finding', 'confirmed');
    await expect(hit.documents).toContainText('入户核查记录.txt');

    await hit.handOverButton.click();
    await expect(hit.caseLink).toBeVisible();
    await hit.caseLink.click();
    await expect(app.case.root).toBeVisible();
    await app.case.expectStage('intake');
    await expect(app.case.root).toContainText('大数据监督发现');
    await expect(page.getByTestId('case-subject')).toContainText('吴春');
  });
});
