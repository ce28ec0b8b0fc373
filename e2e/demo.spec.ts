import { expect, test } from './fixtures';

test.describe('with the demo data', () => {
  test.use({ demo: true });
  test.beforeEach(async ({ app }) => {
    await app.loginAs('admin');
  });

  test('the org tree shows 丽江市, its five counties and their townships', async ({ app }) => {
    await app.goTo('组织机构');
    const { units } = app;
    await expect(units.node('丽江市')).toBeVisible();
    for (const county of ['古城区', '玉龙纳西族自治县', '永胜县', '华坪县', '宁蒗彝族自治县']) {
      await expect(units.node(county), county).toBeVisible();
    }
    // counties are open by default, so their townships are on screen; villages stay folded
    await expect(units.nodesOfKind('county')).toHaveCount(5);
    await expect(units.nodesOfKind('township').first()).toBeVisible();
    expect(await units.nodesOfKind('township').count()).toBeGreaterThan(20);
    await expect(units.nodesOfKind('village')).toHaveCount(0);
  });

  test('the people list shows demo people, page by page', async ({ app }) => {
    await app.goTo('人员信息');
    await expect(app.people.rows).toHaveCount(25);
    await expect(app.page.getByTestId('people-total')).toContainText('第 1 /');
    const firstName = await app.people.rows.first().getByRole('link').innerText();
    await app.page.getByRole('button', { name: '2', exact: true }).click();
    await expect(app.page.getByTestId('people-total')).toContainText('第 2 /');
    await expect(app.people.rows.first().getByRole('link')).not.toHaveText(firstName);
  });

  test('selecting a unit lists its people; a sub-unit can be created and renamed', async ({ app }) => {
    await app.goTo('组织机构');
    const { units } = app;
    await units.select('古城区');
    await expect(units.panelName).toHaveText('古城区');
    await expect(units.panelPeople.first()).toBeVisible();

    await units.panel.getByRole('button', { name: '新建下级单位' }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '单位名称' }).fill('测试街道');
    await dialog.getByRole('textbox', { name: '单位代码' }).fill('bad code!');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByText('单位代码只能包含字母、数字和连字符，长度 2 至 32 位')).toBeVisible();
    await dialog.getByRole('textbox', { name: '单位代码' }).fill('530702-T99');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(units.panelName).toHaveText('测试街道');
    await expect(units.node('测试街道')).toBeVisible();

    await units.panel.getByRole('button', { name: '重命名' }).click();
    await dialog.getByRole('textbox', { name: '单位名称' }).fill('测试新街道');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(units.node('测试新街道')).toBeVisible();
    await expect(units.panelName).toHaveText('测试新街道');
  });

  test('a person’s detail shows the unit path, and kin can be linked and unlinked', async ({ app }) => {
    await app.goTo('人员信息');
    const links = app.people.rows.getByRole('link');
    await expect(links).toHaveCount(25);
    // demo names repeat; the relative is found by ID number, the person by position in the list
    await links.nth(1).click();
    const relativeName = await app.person.name.innerText();
    const relativeId = await app.person.idNumber.innerText();
    await app.page.goBack();
    await links.nth(0).click();
    await expect(app.person.unitPath).toContainText('丽江市');
    const before = await app.person.kinRows.count();

    await app.person.addKin(relativeId, '兄弟姐妹');
    await expect(app.person.kinRows).toHaveCount(before + 1);
    const row = app.person.kinRows.filter({ hasText: relativeId });
    await expect(row).toContainText(relativeName);
    await expect(row).toContainText('兄弟姐妹');

    await row.getByRole('button', { name: '解除关系' }).click();
    await app.page.getByRole('dialog').getByRole('button', { name: '解除关系' }).click();
    await expect(app.person.kinRows).toHaveCount(before);
  });
});
