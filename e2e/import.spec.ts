import fs from 'node:fs';
import { expect, syntheticIdNumber, test, withWrongCheckCharacter } from './fixtures';

test.describe('with the demo data', () => {
  test.use({ demo: true });
  test.beforeEach(async ({ app }) => {
    await app.loginAs('admin');
  });

  test('a people file with bad rows: the report names them, the good rows are imported', async ({ app }, testInfo) => {
    const file = testInfo.outputPath('人员名单.csv');
    const rows = [
      '姓名,身份证号,工作单位,职务,职级,人员类别,联系电话',
      `欧阳明远,${syntheticIdNumber('19430202', '011')},古城区,科员,科员,公务员,13800000001`,
      `木丽华,${syntheticIdNumber('19430303', '022')},530721,,,,`,
      `和建国,${withWrongCheckCharacter(syntheticIdNumber('19430404', '031'))},古城区,,,,`,
      `杨春花,${syntheticIdNumber('19430505', '042')},不存在的单位,,,,`,
      `,${syntheticIdNumber('19430606', '051')},古城区,,,,`,
    ];
    fs.writeFileSync(file, `${rows.join('\r\n')}\r\n`, 'utf8');

    await app.goTo('人员导入');
    await app.import.importFile(file);
    await expect(app.import.report).toBeVisible();
    await expect(app.import.figure('rows')).toHaveText('5');
    await expect(app.import.figure('created')).toHaveText('2');
    await expect(app.import.figure('rejected')).toHaveText('3');
    await expect(app.import.rejectedRows).toHaveCount(3);
    // row numbers count the header as row 1
    await expect(app.import.rejectedRow(4)).toContainText('身份证号校验位错误');
    await expect(app.import.rejectedRow(5)).toContainText('未知单位：不存在的单位');
    await expect(app.import.rejectedRow(6)).toContainText('必填字段为空');

    const downloading = app.page.waitForEvent('download');
    await app.import.downloadButton.click();
    const download = await downloading;
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF行号,字段,原因,原值')).toBe(true);
    expect(csv).toContain('4,身份证号,身份证号校验位错误');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);

    await app.goTo('人员信息');
    for (const name of ['欧阳明远', '木丽华']) {
      await app.people.search(name);
      await expect(app.people.row(name)).toBeVisible();
    }
    await app.people.search('杨春花');
    await expect(app.people.empty).toBeVisible();
  });
});

test('a file without the required columns is refused with a clear message', async ({ app }, testInfo) => {
  await app.setUpAdministrator();
  const file = testInfo.outputPath('wrong-columns.csv');
  fs.writeFileSync(file, '名字,电话\r\n张三,13800000000\r\n', 'utf8');
  await app.goTo('人员导入');
  await app.import.importFile(file);
  await expect(app.import.error).toContainText('文件缺少必需的列：姓名; 身份证号');
  await expect(app.import.report).toBeHidden();
});
