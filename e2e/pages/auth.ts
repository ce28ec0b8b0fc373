import type { Locator, Page } from '@playwright/test';

/** The first-start form and the recovery key step after it; labels are the zh-CN ones. */
export class SetupModel {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('setup-page');
  }

  field(label: string): Locator {
    return this.root.getByRole('textbox', { name: label, exact: true });
  }

  get password(): Locator {
    return this.root.getByTestId('setup-password');
  }

  get passwordRules(): Locator {
    return this.root.getByTestId('setup-password-rules');
  }

  async fill(values: { username?: string; displayName: string; password: string; confirm?: string; demo?: boolean }): Promise<void> {
    if (values.username !== undefined) await this.field('用户名').fill(values.username);
    await this.field('姓名').fill(values.displayName);
    await this.password.fill(values.password);
    await this.root.getByLabel('确认密码').fill(values.confirm ?? values.password);
    if (values.demo) await this.root.getByRole('checkbox', { name: '载入演示数据' }).check();
  }

  async submit(): Promise<void> {
    await this.root.getByRole('button', { name: '创建数据库' }).click();
  }

  get recoveryStep(): Locator {
    return this.page.getByTestId('recovery-key-step');
  }

  get recoveryKey(): Locator {
    return this.page.getByTestId('recovery-key');
  }

  get storedCheckbox(): Locator {
    return this.recoveryStep.getByRole('checkbox', { name: '我已将恢复密钥保存在安全的地方' });
  }

  get continueButton(): Locator {
    return this.recoveryStep.getByRole('button', { name: '继续' });
  }
}

export class LoginModel {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('login-page');
  }

  get error(): Locator {
    return this.page.getByTestId('login-error');
  }

  get notice(): Locator {
    return this.page.getByTestId('login-notice');
  }

  async submit(username: string, password: string): Promise<void> {
    await this.root.getByRole('textbox', { name: '用户名' }).fill(username);
    await this.root.getByLabel('密码', { exact: true }).fill(password);
    await this.root.getByRole('button', { name: '登录', exact: true }).click();
  }

  /** Submits and waits for the core's answer, so that the next try is a new attempt. */
  async submitAndWait(username: string, password: string): Promise<void> {
    const answered = this.page.waitForResponse((response) => new URL(response.url()).pathname === '/rpc');
    await this.submit(username, password);
    await answered;
  }
}

/** The idle lock over the application. */
export class LockModel {
  constructor(private readonly page: Page) {}

  get overlay(): Locator {
    return this.page.getByTestId('lock-overlay');
  }

  get error(): Locator {
    return this.page.getByTestId('unlock-error');
  }

  async unlock(password: string): Promise<void> {
    await this.overlay.getByLabel('密码', { exact: true }).fill(password);
    await this.overlay.getByRole('button', { name: '解锁' }).click();
  }
}
