import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { generateDemo } from '../scripts/demo/generate';
import { expect, syntheticIdNumber, test, withWrongCheckCharacter } from './fixtures';

/** zh-CN screenshots of the main screens for docs/, overwritten on every run. */
const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  // let notifications and loading veils settle so the picture shows the screen, not a moment
  await expect(page.locator('.mantine-LoadingOverlay-root')).toHaveCount(0);
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(OUT_DIR, `${name}.png`), animations: 'disabled' });
}

test.describe('screenshots', () => {
  test.use({ demo: true });

  test('main screens in Chinese', async ({ app, page }, testInfo) => {
    fs.mkdirSync(OUT_DIR, { recursive: true });

    await expect(app.login.root).toBeVisible();
    await app.login.root.getByRole('textbox', { name: '用户名' }).fill('admin');
    await shoot(page, 'login');
    // an account locked by failed logins, as the administrator's users screen shows it
    for (let attempt = 0; attempt < 5; attempt += 1) await app.login.submitAndWait('analyst', 'wrong-password-1');
    await expect(app.login.error).toContainText('账户已锁定至');
    await app.loginAs('admin');

    await expect(app.overview.unitCount).not.toHaveText('0');
    await shoot(page, 'overview');

    await app.goTo('组织机构');
    await app.units.select('古城区');
    await expect(app.units.panelPeople.first()).toBeVisible();
    await shoot(page, 'org-units');

    await app.goTo('人员信息');
    await expect(app.people.rows).toHaveCount(25);
    await shoot(page, 'people-list');

    // a demo person with a family, as the deterministic generator made them
    const { people, kin } = generateDemo();
    const family = kin.find((link) => link.relation === '配偶' && kin.some((other) => other.idNumber === link.idNumber && other.relation === '子女'))!;
    const person = people.find((p) => p.idNumber === family.idNumber)!;
    await app.people.search(person.idNumber);
    await app.people.openPerson(person.name);
    await expect(app.person.kinRows).toHaveCount(kin.filter((l) => l.idNumber === person.idNumber || l.relativeIdNumber === person.idNumber).length);
    await shoot(page, 'person-detail');

    const file = testInfo.outputPath('人员名单.csv');
    const rows = [
      '姓名,身份证号,工作单位,职务,职级,人员类别,联系电话',
      `欧阳明远,${syntheticIdNumber('19430202', '011')},古城区,科员,科员,公务员,13800000001`,
      `木丽华,${syntheticIdNumber('19430303', '022')},530721,副主任,副科,公务员,13800000002`,
      `和建国,${withWrongCheckCharacter(syntheticIdNumber('19430404', '031'))},古城区,,,,`,
      `杨春花,${syntheticIdNumber('19430505', '042')},不存在的单位,,,,`,
      `,${syntheticIdNumber('19430606', '051')},古城区,,,,`,
      `李文,${syntheticIdNumber('19430202', '011')},华坪县,,,,`,
    ];
    fs.writeFileSync(file, `${rows.join('\r\n')}\r\n`, 'utf8');
    await app.goTo('人员导入');
    await app.import.importFile(file);
    await expect(app.import.report).toBeVisible();
    await shoot(page, 'import-report');

    await app.goTo('用户管理');
    await expect(app.users.status('analyst')).toHaveText('已锁定');
    await shoot(page, 'users');

    await app.goTo('角色权限');
    await expect(app.roles.card('data_analyst')).toBeVisible();
    await shoot(page, 'roles');

    await app.goTo('审计日志');
    await app.audit.verify();
    await expect(app.audit.verifyOk).toBeVisible();
    await shoot(page, 'audit');

    // the demo's welfare month, its rules already run
    await app.goTo('比对疑点');
    await expect(page.getByTestId('hit-row').first()).toBeVisible();
    await shoot(page, 'welfare-hits');

    // this node's keys and fingerprint, before any peer is added
    await app.goTo('数据同步');
    await expect(page.getByTestId('identity-download')).toBeEnabled();
    await shoot(page, 'sync');
  });
});

test.describe('screenshots of the idle lock', () => {
  test.use({ demo: true, idleLockSeconds: 3 });

  test('the lock over the people list', async ({ app, page }) => {
    await app.loginAs('admin');
    await app.goTo('人员信息');
    await app.people.search('和');
    await expect(app.people.rows.first()).toBeVisible();
    await expect(app.lock.overlay).toBeVisible({ timeout: 10_000 });
    await shoot(page, 'lock');
  });
});

test.describe('screenshots of the clue register', () => {
  // the demo's clues are dated back from the server's today: a fixed one keeps the pictures stable
  test.use({ demo: true, today: '2026-11-27' });

  test('the register and a case in investigation', async ({ app, page }) => {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    await app.loginAs('casemgmt');
    await app.goTo('案件台账');
    await expect(app.register.rows.first()).toBeVisible();
    await shoot(page, 'case-register');

    await app.register.filterStage('立案审查调查');
    await expect(app.register.rows.first()).toBeVisible();
    await app.register.rows.first().click();
    await expect(app.case.root).toBeVisible();
    await expect(page.getByTestId('case-clock').first()).toBeVisible();
    await shoot(page, 'case-detail');
  });
});
