import { DEMO_PASSWORD, expect, test } from './fixtures';

test.describe('with the demo data', () => {
  test.use({ demo: true });

  test('the language switch turns the login and the navigation into English, and the choice persists', async ({ app }) => {
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await app.switchLanguage('English');
    await expect(app.page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'en');

    await app.login.root.getByRole('textbox', { name: 'Username' }).fill('admin');
    await app.login.root.getByLabel('Password', { exact: true }).fill('wrong-password-1');
    await app.login.root.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(app.login.error).toHaveText('Wrong username or password');

    await app.login.root.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await app.login.root.getByRole('button', { name: 'Log in', exact: true }).click();
    for (const name of ['Overview', 'Org units', 'People', 'Users', 'Audit trail']) await expect(app.navLink(name)).toBeVisible();
    await expect(app.navLink('人员信息')).toHaveCount(0);
    await expect(app.page.getByTestId('current-user-role')).toHaveText('System administrator · 丽江市');

    // the token is kept for the tab, the session in its cookie, the language in localStorage
    await app.page.reload();
    await expect(app.navLink('Org units')).toBeVisible();

    await app.switchLanguage('中文');
    await expect(app.navLink('组织机构')).toBeVisible();
  });

  test('a deep link to a screen opens that screen once logged in', async ({ app, page, server }) => {
    await page.goto(`${server.url}#/people`);
    await expect(app.login.root).toBeVisible();
    await expect(page).not.toHaveURL(/token=/);
    await app.loginAs('admin');
    await expect(page.getByRole('heading', { name: '人员信息' })).toBeVisible();
  });

  test('a screen the role does not have says so', async ({ app, page, server }) => {
    await app.loginAs('yulong');
    await expect(app.navLink('用户管理')).toHaveCount(0);
    await page.goto(`${server.origin}/#/users`);
    await expect(page.getByTestId('no-access')).toContainText('没有访问权限');
  });
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
