import { DEMO_PASSWORD, expect, test } from './fixtures';

test.describe('with the demo data', () => {
  test.use({ demo: true });

  test('wrong passwords are refused; the fifth locks the account, and the administrator sees it', async ({ app }) => {
    const { login } = app;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await login.submitAndWait('analyst', `wrong-password-${attempt}`);
      await expect(login.error).toHaveText('用户名或密码错误');
    }
    await login.submit('analyst', 'wrong-password-5');
    await expect(login.error).toHaveText(/^登录失败次数过多，账户已锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // locked means locked: the right password is refused too
    await login.submit('analyst', DEMO_PASSWORD);
    await expect(login.error).toContainText('账户已锁定至');

    await app.loginAs('admin');
    await app.goTo('用户管理');
    await expect(app.users.status('analyst')).toHaveText('已锁定');
    await expect(app.users.failedAttempts('analyst')).toHaveText('5');
    await expect(app.users.lockedUntil('analyst')).toHaveText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(app.users.status('leader')).toHaveText('正常');

    // a reset password lifts the lock
    await app.users.act('analyst', '重置密码');
    const dialog = app.page.getByTestId('reset-password-form');
    await dialog.getByLabel('新密码').fill('Lijiang-reset-2026');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.users.status('analyst')).toHaveText('正常');
    await expect(app.users.failedAttempts('analyst')).toHaveText('0');

    await app.logOut();
    await app.loginAs('analyst', 'Lijiang-reset-2026');
  });

  test('the header shows the user, and the password can be changed from its menu', async ({ app, page }) => {
    await app.loginAs('yulong');
    await expect(page.getByTestId('current-user-name')).toHaveText('和丽萍');
    await expect(page.getByTestId('current-user-role')).toHaveText('县区纪委监委人员 · 玉龙纳西族自治县');

    await app.userMenu.click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    const form = page.getByTestId('change-password-form');
    await form.getByLabel('当前密码').fill('not-my-password-1');
    await form.getByLabel('新密码').fill('Lashi-lake-2026');
    await form.getByLabel('确认密码').fill('Lashi-lake-2026');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form.getByText('当前密码不正确')).toBeVisible();
    await form.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form).toBeHidden();
    await expect(app.notification('密码已修改')).toBeVisible();

    await app.logOut();
    await app.loginAs('yulong', 'Lashi-lake-2026');
  });
});

test.describe('with a short idle lock', () => {
  test.use({ demo: true, idleLockSeconds: 3 });

  test('the idle lock asks for the password and keeps the screen as it was', async ({ app, page }) => {
    await app.loginAs('admin');
    await app.goTo('人员信息');
    await app.people.search('和');
    await expect(page).toHaveURL(/#\/people\?q=/);
    const url = page.url();

    // nobody touches the keyboard or the mouse
    await page.waitForTimeout(4_000);
    await expect(app.lock.overlay).toBeVisible();

    await app.lock.unlock('not-the-password-1');
    await expect(app.lock.error).toHaveText('用户名或密码错误');
    await expect(app.lock.overlay).toBeVisible();

    await app.lock.unlock(DEMO_PASSWORD);
    await expect(app.lock.overlay).toBeHidden();
    await expect(page.getByRole('heading', { name: '人员信息' })).toBeVisible();
    await expect(app.people.searchBox).toHaveValue('和');
    expect(page.url()).toBe(url);
    await expect(app.people.rows.first()).toBeVisible();
  });

  test('the lock offers to log out instead', async ({ app, page }) => {
    await app.loginAs('yulong');
    await app.goTo('组织机构');
    await page.waitForTimeout(4_000);
    await expect(app.lock.overlay).toBeVisible();
    await app.lock.overlay.getByRole('button', { name: '退出登录' }).click();
    await expect(app.login.root).toBeVisible();
    await expect(app.lock.overlay).toBeHidden();
    // the next user starts on the overview, not on the screen the last one left
    await app.loginAs('admin');
    await expect(app.overview.root).toBeVisible();
  });
});
