import { expect, test } from './fixtures';
import { SETUP_ADMIN } from './pages/app';

test('a first start sets up the administrator, shows the recovery key once, then offers the demo data', async ({ app }) => {
  const { setup } = app;
  await expect(setup.root).toBeVisible();
  await expect(setup.field('机构代码')).toHaveValue('530700');
  await expect(setup.field('机构名称')).toHaveValue('丽江市');

  // the rules are listed as the password is typed; the core judges, and says why on the field
  await setup.fill({ ...SETUP_ADMIN, password: 'admin12345' });
  await expect(setup.passwordRules.locator('[data-met="false"]')).toHaveText('密码不能包含用户名');
  await setup.submit();
  await expect(setup.root.getByText('密码不符合要求：密码不能包含用户名')).toBeVisible();
  await expect(setup.password).toHaveAttribute('data-invalid', 'true');

  await setup.fill({ ...SETUP_ADMIN, confirm: 'something-else-1' });
  await setup.submit();
  await expect(setup.root.getByText('两次输入的密码不一致')).toBeVisible();

  await setup.fill(SETUP_ADMIN);
  await setup.submit();
  await expect(setup.recoveryKey).toBeVisible({ timeout: 30_000 });
  expect((await setup.recoveryKey.innerText()).trim().length).toBeGreaterThan(20);
  await expect(setup.continueButton).toBeDisabled();
  await setup.storedCheckbox.check();
  await setup.continueButton.click();

  await expect(app.page.getByTestId('current-user-name')).toHaveText(SETUP_ADMIN.displayName);
  await expect(app.page.getByTestId('current-user-role')).toHaveText('系统管理员 · 丽江市');
  for (const name of ['用户管理', '角色权限', '审计日志', '数据备份']) await expect(app.navLink(name)).toBeVisible();

  const { overview } = app;
  await expect(overview.demoOffer).toBeVisible();
  await expect(overview.unitCount).toHaveText('1');
  await expect(overview.peopleCount).toHaveText('0');
  await overview.loadDemoButton.click();
  await expect(app.notification(/已载入演示数据/)).toBeVisible({ timeout: 60_000 });
  await expect(overview.demoOffer).toBeHidden();
  await expect(overview.peopleCount).not.toHaveText('0');

  // the session survives a reload; logging out leads to the login screen, where the password works
  await app.page.reload();
  await expect(app.userMenu).toBeVisible();
  await app.logOut();
  await app.loginAs(SETUP_ADMIN.username, SETUP_ADMIN.password);
  await app.goTo('组织机构');
  await expect(app.units.node('丽江市')).toBeVisible();
});

test('the recovery key sets a new administrator password', async ({ app }) => {
  const recoveryKey = await app.setUpAdministrator();
  await app.logOut();

  await app.page.getByRole('button', { name: '忘记管理员密码？使用恢复密钥' }).click();
  const recovery = app.page.getByTestId('recovery-page');
  await recovery.getByRole('textbox', { name: '恢复密钥' }).fill('not-the-recovery-key-at-all');
  await recovery.getByLabel('管理员新密码').fill('Recovered-2026x');
  await recovery.getByLabel('确认密码').fill('Recovered-2026x');
  await recovery.getByRole('button', { name: '重设密码并登录' }).click();
  await expect(recovery.getByText('恢复密钥不正确')).toBeVisible();

  await recovery.getByRole('textbox', { name: '恢复密钥' }).fill(recoveryKey);
  await recovery.getByRole('button', { name: '重设密码并登录' }).click();
  await expect(app.userMenu).toBeVisible();

  await app.logOut();
  await app.login.submit(SETUP_ADMIN.username, SETUP_ADMIN.password);
  await expect(app.login.error).toHaveText('用户名或密码错误');
  await app.loginAs(SETUP_ADMIN.username, 'Recovered-2026x');
});
