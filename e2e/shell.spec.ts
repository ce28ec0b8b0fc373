import { expect, test } from './fixtures';

test('the language switch turns the navigation into English, and the choice persists', async ({ app }) => {
  await expect(app.navLink('人员信息')).toBeVisible();
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await app.switchLanguage('English');
  for (const name of ['Overview', 'Org units', 'People']) await expect(app.navLink(name)).toBeVisible();
  await expect(app.navLink('人员信息')).toHaveCount(0);
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.page.getByRole('button', { name: 'Load demo data' })).toBeVisible();

  // the token is kept for the tab, the language in localStorage: a reload keeps both
  await app.page.reload();
  await expect(app.navLink('Org units')).toBeVisible();

  await app.switchLanguage('中文');
  await expect(app.navLink('组织机构')).toBeVisible();
});

test('opening the server without its token explains which address to open', async ({ page, server }) => {
  await page.goto(server.origin);
  await expect(page.getByTestId('missing-token')).toBeVisible();
  await expect(page.getByRole('heading', { name: '请使用启动时打印的完整地址打开' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
});

test('a token the server does not know (an old address) leads to the same page', async ({ page, server }) => {
  await page.goto(`${server.origin}/?token=from-an-earlier-start`);
  await expect(page.getByRole('heading', { name: '请使用启动时打印的完整地址打开' })).toBeVisible();
});

test('a deep link to a screen opens that screen', async ({ page, server }) => {
  await page.goto(`${server.url}#/people`);
  await expect(page.getByRole('heading', { name: '人员信息' })).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);
});
