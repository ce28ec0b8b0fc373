import fs from 'node:fs';
import { expect, test, TEST_PASSWORD } from './fixtures';

test.describe('with the demo data', () => {
  test.use({ demo: true });

  test('the audit trail lists the writes, verifies its hash chain and exports it', async ({ app, page }) => {
    await app.loginAs('admin');
    await app.goTo('审计日志');
    await expect(app.audit.rows.first()).toBeVisible();

    await app.audit.verify();
    await expect(app.audit.verifyOk).toBeVisible();
    await expect(app.audit.verifyOk).toContainText(/共校验 \d+ 条记录，未发现篡改/);

    await app.audit.filterByActor('admin');
    await expect(app.audit.rows.first()).toContainText('admin');

    const downloading = page.waitForEvent('download');
    await app.audit.exportButton.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^zhijian-audit-\d{14}\.jsonl$/);
    const lines = fs.readFileSync(await download.path(), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, 5)) expect(() => JSON.parse(line)).not.toThrow();
    await expect(app.notification(/已导出 \d+ 条记录/)).toBeVisible();
  });

  test('the auditor reads the trail but manages nothing', async ({ app }) => {
    await app.loginAs('auditor');
    await expect(app.navLink('审计日志')).toBeVisible();
    for (const name of ['用户管理', '角色权限', '数据备份', '人员导入']) await expect(app.navLink(name)).toHaveCount(0);
    await app.goTo('人员信息');
    await expect(app.page.getByRole('button', { name: '新增人员' })).toHaveCount(0);
  });

  test('a backup is made on request and listed', async ({ app }) => {
    await app.loginAs('admin');
    await app.goTo('数据备份');
    await app.backup.create();
    await expect(app.backup.created).toBeVisible();
    await expect(app.backup.created).toContainText('备份完成');
    await expect(app.backup.rows).toHaveCount(1);
  });

  test('a user is created, disabled (not deleted), and can no longer log in', async ({ app }) => {
    await app.loginAs('admin');
    await app.goTo('用户管理');
    await expect(app.users.row('yulong')).toBeVisible();
    await app.users.create({ username: 'heli', displayName: '和力', unit: '玉龙纳西族自治县', role: '县区纪委监委人员', password: TEST_PASSWORD });
    await expect(app.users.form).toBeHidden();
    await expect(app.users.row('heli')).toContainText('和力');
    await expect(app.users.row('heli')).toContainText('玉龙纳西族自治县');
    await expect(app.users.status('heli')).toHaveText('正常');

    await app.users.act('heli', '编辑');
    await expect(app.users.form.getByRole('textbox', { name: '用户名' })).toBeDisabled();
    await app.users.form.getByRole('textbox', { name: '姓名' }).fill('和力行');
    await app.users.form.getByRole('button', { name: '保存' }).click();
    await expect(app.users.form).toBeHidden();
    await expect(app.users.row('heli')).toContainText('和力行');

    // the new account works, and sees its county
    await app.logOut();
    await app.loginAs('heli', TEST_PASSWORD);
    await expect(app.page.getByTestId('current-user-role')).toHaveText('县区纪委监委人员 · 玉龙纳西族自治县');
    await app.logOut();

    await app.loginAs('admin');
    await app.goTo('用户管理');
    await app.users.act('heli', '停用');
    await expect(app.users.status('heli')).toHaveText('已停用');
    await expect(app.users.row('heli')).toBeVisible();

    await app.logOut();
    await app.login.submit('heli', TEST_PASSWORD);
    // disabling revokes the account's key slot in the core, which then answers as for a wrong
    // password (AUTH_FAILED) rather than with ACCOUNT_DISABLED
    await expect(app.login.error).toHaveText('用户名或密码错误');

    // enabled again, the account needs a new password, which the screen asks for at once
    await app.loginAs('admin');
    await app.goTo('用户管理');
    await app.users.act('heli', '启用');
    const reset = app.page.getByTestId('reset-password-form');
    await expect(reset).toBeVisible();
    await reset.getByLabel('新密码').fill('Lugu-lake-2026x');
    await reset.getByRole('button', { name: '保存' }).click();
    await expect(reset).toBeHidden();
    await expect(app.users.status('heli')).toHaveText('正常');
    await app.logOut();
    await app.loginAs('heli', 'Lugu-lake-2026x');
  });

  test('a username already taken is refused on the field', async ({ app }) => {
    await app.loginAs('admin');
    await app.goTo('用户管理');
    await app.users.create({ username: 'leader', displayName: '重名', unit: '玉龙纳西族自治县', role: '委领导', password: TEST_PASSWORD });
    await expect(app.users.form.getByText('用户名 leader 已被使用')).toBeVisible();
  });

  test('a permission taken from a role is gone for its users', async ({ app }) => {
    await app.loginAs('analyst');
    await expect(app.navLink('人员导入')).toBeVisible();
    await app.logOut();

    await app.loginAs('admin');
    await app.goTo('角色权限');
    const importing = app.roles.permission('data_analyst', '导入人员名单');
    await expect(importing).toBeChecked();
    await importing.uncheck();
    await app.roles.save('data_analyst');
    await expect(app.notification('已保存角色“数据分析员”的权限')).toBeVisible();
    await app.page.reload();
    await expect(app.roles.permission('data_analyst', '导入人员名单')).not.toBeChecked();
    // the administrator's role keeps what it needs to manage accounts and roles
    await expect(app.roles.permission('administrator', '管理角色权限')).toBeDisabled();
    await expect(app.roles.permission('administrator', '管理用户账户')).toBeChecked();
    await expect(app.roles.permission('administrator', '导入人员名单')).toBeEnabled();

    await app.logOut();
    await app.loginAs('analyst');
    await expect(app.navLink('人员信息')).toBeVisible();
    await expect(app.navLink('人员导入')).toHaveCount(0);
    await app.goTo('人员信息');
    await expect(app.page.getByRole('button', { name: '导入人员' })).toHaveCount(0);
  });
});
