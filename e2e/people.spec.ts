import { expect, syntheticIdNumber, test, withWrongCheckCharacter } from './fixtures';

test.describe('with the demo data', () => {
  test.use({ demo: true });
  test.beforeEach(async ({ app }) => {
    await app.loginAs('admin');
  });

  test('a person created in the form is found by pinyin initials, full pinyin and ID prefix', async ({ app }) => {
    const idNumber = syntheticIdNumber('19420101', '123');
    await app.goTo('人员信息');
    await app.people.startCreate('新增人员');
    await app.people.form.fill({ name: '张三丰', idNumber, position: '主任' });
    await app.people.form.chooseRank('正科');
    await app.people.form.save();

    // saving opens the new person's detail
    await expect(app.person.name).toHaveText('张三丰');
    await expect(app.person.idNumber).toHaveText(idNumber);

    await app.goTo('人员信息');
    for (const query of ['zsf', 'zhangsanfeng', idNumber.slice(0, 12)]) {
      await app.people.search(query);
      await expect(app.people.row('张三丰'), query).toBeVisible();
    }
    await expect(app.people.row('张三丰')).toContainText('正科');
  });
});

test('an invalid ID number is reported on the field and nothing is created', async ({ app }) => {
  const bad = withWrongCheckCharacter(syntheticIdNumber('19800101', '123'));
  await app.setUpAdministrator();
  await app.goTo('人员信息');
  await expect(app.people.empty).toBeVisible();
  await app.people.startCreate('新增人员');
  await app.people.form.fill({ name: '李四', idNumber: bad });
  await app.people.form.save();

  await expect(app.people.form.dialog.getByText(`身份证号无效：${bad}（身份证号校验位错误）`)).toBeVisible();
  await expect(app.people.form.field('身份证号')).toHaveAttribute('aria-invalid', 'true');
  await app.people.form.dialog.getByRole('button', { name: '取消' }).click();

  await expect(app.people.empty).toHaveText('还没有人员信息，可以新增或导入。');
  await app.goTo('首页');
  await expect(app.overview.peopleCount).toHaveText('0');
});
