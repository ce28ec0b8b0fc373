import type { Locator, Page } from '@playwright/test';

export class UsersModel {
  constructor(private readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('users-table').getByTestId('user-row');
  }

  row(username: string): Locator {
    return this.page.locator(`[data-testid="user-row"][data-username="${username}"]`);
  }

  status(username: string): Locator {
    return this.row(username).getByTestId('user-status');
  }

  failedAttempts(username: string): Locator {
    return this.row(username).getByTestId('user-failed-attempts');
  }

  lockedUntil(username: string): Locator {
    return this.row(username).getByTestId('user-locked-until');
  }

  /** Opens the row's action menu and picks an entry (编辑, 重置密码, 停用, 启用). */
  async act(username: string, action: string): Promise<void> {
    await this.row(username).getByRole('button', { name: `${username} 的操作` }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  get form(): Locator {
    return this.page.getByTestId('user-form');
  }

  async create(values: { username: string; displayName: string; unit: string; role: string; password: string }): Promise<void> {
    await this.page.getByRole('button', { name: '新建用户' }).click();
    const form = this.form;
    await form.getByRole('textbox', { name: '用户名' }).fill(values.username);
    await form.getByRole('textbox', { name: '姓名' }).fill(values.displayName);
    await form.getByTestId('user-unit').fill(values.unit);
    await this.page.getByRole('option', { name: values.unit, exact: true }).click();
    await form.getByTestId('user-role').click();
    await this.page.getByRole('option', { name: values.role, exact: true }).click();
    await form.getByLabel('初始密码').fill(values.password);
    await form.getByRole('button', { name: '保存' }).click();
  }
}

export class RolesModel {
  constructor(private readonly page: Page) {}

  card(roleCode: string): Locator {
    return this.page.locator(`[data-testid="role-card"][data-role-code="${roleCode}"]`);
  }

  permission(roleCode: string, label: string): Locator {
    return this.card(roleCode).getByRole('checkbox', { name: label, exact: true });
  }

  async save(roleCode: string): Promise<void> {
    await this.card(roleCode).getByRole('button', { name: '保存' }).click();
  }
}

export class AuditModel {
  constructor(private readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('audit-table').getByTestId('audit-row');
  }

  get verifyOk(): Locator {
    return this.page.getByTestId('audit-verify-ok');
  }

  get verifyBroken(): Locator {
    return this.page.getByTestId('audit-verify-broken');
  }

  async verify(): Promise<void> {
    await this.page.getByRole('button', { name: '校验哈希链' }).click();
  }

  async filterByActor(username: string): Promise<void> {
    await this.page.getByTestId('audit-actor').fill(username);
  }

  get exportButton(): Locator {
    return this.page.getByRole('button', { name: '导出', exact: true });
  }
}

export class BackupModel {
  constructor(private readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('backup-table').getByTestId('backup-row');
  }

  get created(): Locator {
    return this.page.getByTestId('backup-created');
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: '立即备份' }).click();
  }
}
