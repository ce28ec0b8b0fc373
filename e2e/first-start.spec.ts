import { expect, test } from './fixtures';

test('a first start offers the demo data and loads it on request', async ({ app }) => {
  const { overview } = app;
  await expect(overview.demoOffer).toBeVisible();
  await expect(overview.unitCount).toHaveText('0');
  await expect(overview.peopleCount).toHaveText('0');

  await overview.loadDemoButton.click();
  await expect(app.notification(/已载入演示数据/)).toBeVisible({ timeout: 60_000 });
  await expect(overview.demoOffer).toBeHidden();
  await expect(overview.unitCount).not.toHaveText('0');
  await expect(overview.peopleCount).not.toHaveText('0');

  await app.goTo('组织机构');
  await expect(app.units.node('丽江市')).toBeVisible();
});
