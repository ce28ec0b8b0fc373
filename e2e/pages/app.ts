import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/core/demo/accounts';
import { AuditModel, BackupModel, RolesModel, UsersModel } from './admin';
import { LockModel, LoginModel, SetupModel } from './auth';
import { BoardModel, CaseModel, CaseSettingsModel, IntakeModel, RegisterModel } from './cases';
import { ImportModel } from './import';
import { OverviewModel } from './overview';
import { PeopleModel } from './people';
import { PersonModel } from './person';
import { SyncModel } from './sync';
import { UnitsModel } from './units';

/** The administrator a test creates on an empty data folder. */
export const SETUP_ADMIN = { username: 'admin', displayName: '测试管理员', password: 'Lijiang-setup-2026' };

/** The whole application as a test sees it: the shell plus one model per screen. */
export class AppModel {
  readonly setup: SetupModel;
  readonly login: LoginModel;
  readonly lock: LockModel;
  readonly overview: OverviewModel;
  readonly units: UnitsModel;
  readonly people: PeopleModel;
  readonly person: PersonModel;
  readonly import: ImportModel;
  readonly users: UsersModel;
  readonly roles: RolesModel;
  readonly audit: AuditModel;
  readonly backup: BackupModel;
  readonly register: RegisterModel;
  readonly intake: IntakeModel;
  readonly case: CaseModel;
  readonly board: BoardModel;
  readonly caseSettings: CaseSettingsModel;
  readonly sync: SyncModel;

  constructor(readonly page: Page) {
    this.setup = new SetupModel(page);
    this.login = new LoginModel(page);
    this.lock = new LockModel(page);
    this.overview = new OverviewModel(page);
    this.units = new UnitsModel(page);
    this.people = new PeopleModel(page);
    this.person = new PersonModel(page);
    this.import = new ImportModel(page);
    this.users = new UsersModel(page);
    this.roles = new RolesModel(page);
    this.audit = new AuditModel(page);
    this.backup = new BackupModel(page);
    this.register = new RegisterModel(page);
    this.intake = new IntakeModel(page);
    this.case = new CaseModel(page);
    this.board = new BoardModel(page);
    this.caseSettings = new CaseSettingsModel(page);
    this.sync = new SyncModel(page);
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation');
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async goTo(name: string): Promise<void> {
    await this.navLink(name).click();
  }

  /** Logs in from the login screen (a demo account's password unless given) and waits for the app. */
  async loginAs(username: string, password: string = DEMO_PASSWORD): Promise<void> {
    await this.login.submit(username, password);
    await expect(this.userMenu).toBeVisible();
  }

  /** The first start on an empty data folder: the administrator, then past the recovery key. */
  async setUpAdministrator(options: { demo?: boolean } = {}): Promise<string> {
    await this.setup.fill({ ...SETUP_ADMIN, demo: options.demo });
    await this.setup.submit();
    await expect(this.setup.recoveryKey).toBeVisible({ timeout: 60_000 });
    const key = await this.setup.recoveryKey.innerText();
    await this.setup.storedCheckbox.check();
    await this.setup.continueButton.click();
    await expect(this.userMenu).toBeVisible();
    return key;
  }

  get userMenu(): Locator {
    return this.page.getByTestId('user-menu');
  }

  async logOut(): Promise<void> {
    await this.userMenu.click();
    await this.page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(this.login.root).toBeVisible();
  }

  async switchLanguage(label: 'English' | '中文'): Promise<void> {
    // Mantine's SegmentedControl is a radio group; the label is what users click
    await this.page.getByText(label, { exact: true }).click();
  }

  /** The notifications stack (success and error toasts). */
  notification(text: string | RegExp): Locator {
    return this.page.locator('.mantine-Notifications-root').getByText(text);
  }
}
