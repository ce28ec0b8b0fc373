import { generateDemo } from '../scripts/demo/generate';
import { expect, test } from './fixtures';

test.describe('with the demo data', () => {
  test.use({ demo: true });

  test('a county officer sees only their county: its units and its people', async ({ app }) => {
    const { people } = generateDemo();
    const inGucheng = people.find((p) => p.unitCode?.startsWith('530702'))!;
    const inYulong = people.find((p) => p.unitCode?.startsWith('530721'))!;

    await app.loginAs('yulong');
    await expect(app.navLink('人员导入')).toBeVisible();
    await expect(app.navLink('用户管理')).toHaveCount(0);

    await app.goTo('组织机构');
    await expect(app.units.node('玉龙纳西族自治县')).toBeVisible();
    await expect(app.units.nodesOfKind('township').first()).toBeVisible();
    await expect(app.units.node('古城区')).toHaveCount(0);
    await expect(app.units.node('丽江市')).toHaveCount(0);
    await expect(app.units.nodesOfKind('county')).toHaveCount(1);

    await app.goTo('人员信息');
    await app.people.search(inYulong.idNumber);
    await expect(app.people.row(inYulong.name)).toBeVisible();
    await app.people.search(inGucheng.idNumber);
    await expect(app.people.empty).toBeVisible();

    // the administrator, at the city, sees both
    await app.logOut();
    await app.loginAs('admin');
    await app.goTo('人员信息');
    await app.people.search(inGucheng.idNumber);
    await expect(app.people.row(inGucheng.name)).toBeVisible();
  });
});
