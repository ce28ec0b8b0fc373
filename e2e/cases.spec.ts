import type { Browser, Page } from '@playwright/test';
import { expect, syntheticIdNumber, test, type RunningServer } from './fixtures';
import { AppModel } from './pages/app';

/** The server runs as if it were this Friday; the built-in holiday calendar ends with 2026. */
const TODAY = '2026-11-27';
const DEPARTMENT = '丽江市纪委监委第一纪检监察室';
/** A made-up 2027 schedule: the test only needs the calendar to know the year. */
const HOLIDAYS_2027 = ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-04-05', '2027-05-03', '2027-10-01', '2027-10-04', '2027-10-05'];

test.use({ demo: true, today: TODAY });

/** A second person at another desk: their own browser context, logged in on the same server. */
async function secondUser(browser: Browser, server: RunningServer, username: string): Promise<AppModel> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(server.url);
  const app = new AppModel(page);
  await app.loginAs(username);
  return app;
}

/** Opens a screen by its hash in the same tab (the tab keeps the server's token). */
async function openHash(page: Page, hash: string): Promise<void> {
  await page.goto(new URL(hash, page.url()).href);
}

const caseHash = (page: Page) => new URL(page.url()).hash;

/** Registers a clue through the intake form and waits for its page. */
async function registerClue(app: AppModel, title: string, subjects: { name: string; idNumber?: string }[], source = '信访举报', receivedDate = '2026-11-20') {
  await app.goTo('受理登记');
  await app.intake.fill({ title, source, receivedDate, subjects });
  await app.intake.submit();
  await expect(app.case.root).toBeVisible();
  await app.case.expectStage('intake');
  return caseHash(app.page);
}

test('a clue goes from intake through inquiry, check and investigation to a sanction, each step approved by the leader', async ({ app, browser, server, page }) => {
  test.setTimeout(180_000);
  await app.loginAs('casemgmt');
  const subject = { name: '木测甲', idNumber: syntheticIdNumber('19500101', '321') };
  const hash = await registerClue(app, '反映木测甲违规收受礼金问题', [subject]);
  await expect(app.case.clock('intake_dispatch')).toBeVisible();

  await app.case.act('dispatch', { department: DEPARTMENT, date: TODAY });
  await app.case.expectStage('dispatched');
  await expect(page.getByTestId('case-department')).toHaveText(DEPARTMENT);

  // a disposal needs the leader's approval: it waits in the leader's inbox
  await app.case.act('inquire', { date: TODAY, reason: '拟谈话函询' });
  await expect(app.case.proposal).toContainText('等待“委领导”审批');
  const leader = await secondUser(browser, server, 'leader');
  await leader.goTo('待我审批');
  const row = leader.page.getByTestId('inbox-row').filter({ hasText: '反映木测甲违规收受礼金问题' });
  await expect(row).toContainText('谈话函询');
  await row.getByTestId('inbox-approve').click();
  await expect(row).toHaveCount(0);
  // the officer's page follows by itself
  await app.case.expectStage('inquiry');
  await expect(app.case.event('inquire').first()).toContainText('谈话函询');

  const approveOnCasePage = async () => {
    await openHash(leader.page, hash);
    await expect(leader.case.proposal).toBeVisible();
    await leader.case.approve('同意');
  };

  await app.case.act('check', { date: TODAY });
  await approveOnCasePage();
  await app.case.expectStage('preliminary_check');

  await app.case.act('investigate', { date: TODAY });
  await approveOnCasePage();
  await app.case.expectStage('investigation');
  // 90 days from today runs into 2027, which the built-in calendar does not know yet
  const investigation = app.case.clock('investigation');
  await expect(investigation).toHaveAttribute('data-light', 'unknown');
  await expect(investigation.getByTestId('clock-due')).toHaveText('日历缺少 2027 年');

  // the administrator of the workflow adds 2027; the deadline is then known
  await app.goTo('办案设置');
  await expect(app.caseSettings.year(2026)).toHaveAttribute('data-origin', 'builtin');
  await app.caseSettings.addYear(2027, HOLIDAYS_2027);
  await expect(app.caseSettings.year(2027)).toHaveAttribute('data-origin', 'custom');
  await page.goBack();
  await expect(investigation).toHaveAttribute('data-light', 'open');
  await expect(investigation.getByTestId('clock-due')).toHaveText(/^2027-0[23]-\d\d$/);

  // a document filed with the case
  await page.getByTestId('case-documents').locator('input[type=file]').setInputFiles({ name: '初核报告.txt', mimeType: 'text/plain', buffer: Buffer.from('初步核实情况报告（测试）') });
  await expect(page.getByTestId('case-document')).toContainText('初核报告.txt');

  // 一案双报告: the report to the party committee is acknowledged
  await page.getByTestId('report-acknowledge').first().click();
  await expect(page.getByTestId('case-report').first()).toContainText('已报告');

  await app.case.act('to_adjudication', { date: TODAY });
  await app.case.expectStage('adjudication');

  await app.case.act('decide', { date: TODAY, sanctions: ['党内警告'] });
  await expect(app.case.proposal).toContainText('作出处分决定');
  await approveOnCasePage();
  await app.case.expectStage('decision');
  await expect(app.case.sanctions).toHaveCount(1);
  await expect(app.case.sanctions.first()).toContainText('党内警告');
  await expect(app.case.sanctions.first()).toContainText(subject.name);
  // the leader's approvals are on the record
  await expect(app.case.event('decide').last()).toContainText('和正华');
  await leader.page.context().close();
});

test('a clock turns from running to yellow to red as the days pass, and the board shows it red', async ({ app, server, page }) => {
  test.setTimeout(150_000);
  await app.loginAs('casemgmt');
  await registerClue(app, '反映木测乙套取补贴问题', [{ name: '木测乙' }], '审计移交', TODAY);
  const number = (await app.case.number.innerText()).trim();
  await app.case.act('dispatch', { department: DEPARTMENT, date: TODAY });
  const plan = app.case.clock('disposal_plan');
  await expect(plan).toHaveAttribute('data-light', 'open');
  const due = (await plan.getByTestId('clock-due').innerText()).trim();
  expect(due >= '2026-12-27' && due <= '2026-12-29', due).toBe(true);
  const hash = caseHash(page);

  const dayAt = async (today: string) => {
    await server.restart({ today });
    await page.goto(server.url);
    await app.loginAs('casemgmt');
    await openHash(page, hash);
    await expect(app.case.root).toBeVisible();
  };

  await dayAt('2026-12-23');
  await expect(plan).toHaveAttribute('data-light', 'yellow');

  await dayAt('2026-12-31');
  await expect(plan).toHaveAttribute('data-light', 'red');

  await app.goTo('时限预警');
  const row = app.board.row(number);
  await expect(row).toHaveAttribute('data-light', 'red');
  await expect(row).toContainText('提出处置意见');
  await expect(row).toContainText(/已超 \d+ 个工作日/);
  await app.goTo('首页');
  await expect(page.getByTestId('alert-red-value')).not.toHaveText('0');
});

test('a step is undone with a reason, and a refused action says why while the form stays open', async ({ app, page }) => {
  await app.loginAs('casemgmt');
  await registerClue(app, '反映木测丙违规经商办企业问题', [{ name: '木测丙' }]);
  await app.case.act('dispatch', { department: DEPARTMENT, date: TODAY });
  await app.case.expectStage('dispatched');

  // the last step is taken back with a reason; it stays in the history, struck through
  await page.getByTestId('case-undo').click();
  await page.getByTestId('undo-reason').fill('承办部门选错');
  await page.getByTestId('undo-form').getByRole('button', { name: '撤销上一步' }).click();
  await app.case.expectStage('intake');
  await expect(app.case.event('dispatch').first()).toHaveAttribute('data-undone', 'true');
  await app.case.act('dispatch', { department: DEPARTMENT, date: TODAY });
  await app.case.expectStage('dispatched');

  // a shelved clue must be reviewed within six months
  await app.case.act('shelve', { date: TODAY, reviewDate: '2027-12-01' });
  await expect(app.case.refusal).toContainText('时限“暂存待查复查”不能这样操作：复查日期须晚于 2026-11-27，且不晚于 2027-05-27');
  await expect(app.case.actionForm).toBeVisible();
  await app.case.actionForm.getByTestId('action-reviewDate').fill('2027-03-01');
  await app.case.submitAction();
  await expect(app.case.proposal).toContainText('暂存待查');

  // a required field left empty is named on the field before anything is sent
  await app.goTo('受理登记');
  await app.intake.submit();
  await expect(app.intake.form.getByText('必填').first()).toBeVisible();
});

test('the register filters by text, source and stage, keeps its filters in the address, and flags duplicates', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.loginAs('casemgmt');
  const idNumber = syntheticIdNumber('19510202', '432');
  await registerClue(app, '反映木测丁违规发放补助问题（ZJE2E）', [{ name: '木测丁', idNumber }], '大数据监督发现');
  await app.case.act('dispatch', { department: DEPARTMENT, date: TODAY });
  await registerClue(app, '反映和测戊公车私用问题（ZJE2E）', [{ name: '和测戊' }], '巡视巡察移交');

  // a second clue about the same ID number: the intake form says so before it is registered
  await app.goTo('受理登记');
  await app.intake.fill({ title: '再次反映木测丁问题（ZJE2E）', source: '信访举报', receivedDate: '2026-11-21', subjects: [{ name: '木测丁', idNumber }] });
  await expect(app.intake.duplicates).toContainText('身份证号相同');
  await app.intake.submit();
  await expect(app.case.root).toBeVisible();
  await expect(page.getByTestId('duplicate').first()).toContainText('反映木测丁违规发放补助问题（ZJE2E）');
  await page.getByTestId('duplicate-merge').first().click();
  await page.getByTestId('merge-form').getByRole('button', { name: '并案处理' }).click();
  await expect(page.getByTestId('merged-banner')).toBeVisible();

  await app.goTo('案件台账');
  await expect(app.register.total).toBeVisible();
  await app.register.search('ZJE2E');
  await expect(app.register.rows).toHaveCount(3);
  await app.register.filterSource('大数据监督发现');
  await expect(app.register.rows).toHaveCount(1);
  await expect(app.register.rows.first()).toContainText('木测丁');
  await expect(app.register.total).toHaveAttribute('data-total', '1');
  expect(new URL(page.url()).hash).toContain('source=big_data');

  // the filters survive a reload of the page
  await page.reload();
  await expect(app.register.rows).toHaveCount(1);
  await expect(page.getByTestId('case-search')).toHaveValue('ZJE2E');

  await page.getByTestId('case-source-filter').click();
  await page.getByRole('option', { name: '大数据监督发现', exact: true }).click();
  await app.register.search('木测丁');
  await app.register.filterStage('已分办');
  await expect(app.register.rows).toHaveCount(1);
  await expect(app.register.row('反映木测丁违规发放补助问题（ZJE2E）')).toBeVisible();
  await app.register.row('反映木测丁违规发放补助问题（ZJE2E）').click();
  await app.case.expectStage('dispatched');

  // the whole register scrolls in one table, fetched page by page, with only the rows in view rendered
  await app.goTo('案件台账');
  const total = Number(await app.register.total.getAttribute('data-total'));
  expect(total).toBeGreaterThan(200);
  const scroller = page.getByTestId('case-table-scroll');
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId('case-row').last()).toBeInViewport();
  expect(await page.getByTestId('case-row').count()).toBeLessThan(60);
});

test('the leader rejects a proposal with a comment; the digest and the statistics export to Excel; a workflow setting is saved', async ({ app, browser, server, page }) => {
  test.setTimeout(120_000);
  await app.loginAs('casemgmt');
  const hash = await registerClue(app, '反映木测己违规兼职取酬问题（ZJE2E）', [{ name: '木测己' }]);
  await app.case.act('dispatch', { department: DEPARTMENT, date: TODAY });
  await app.case.act('check', { date: TODAY });
  await expect(app.case.proposal).toBeVisible();

  const leader = await secondUser(browser, server, 'leader');
  await openHash(leader.page, hash);
  await leader.page.getByTestId('proposal-comment').fill('线索不清，先谈话函询');
  await leader.page.getByTestId('proposal-reject').click();
  await expect(leader.case.proposal).toHaveCount(0);
  await leader.page.context().close();
  await expect(app.case.proposal).toHaveCount(0);
  await app.case.expectStage('dispatched');
  await expect(app.case.event('check').last()).toContainText('线索不清，先谈话函询');

  await app.goTo('时限预警');
  await expect(app.board.rows.first()).toBeVisible();
  const digest = page.waitForEvent('download');
  await page.getByTestId('board-digest').click();
  expect((await digest).suggestedFilename()).toMatch(/\.xlsx$/);

  await app.goTo('统计分析');
  await expect(page.getByTestId('stats-chart').first()).toBeVisible();
  const statistics = page.waitForEvent('download');
  await page.getByTestId('stats-export').click();
  expect((await statistics).suggestedFilename()).toMatch(/\.xlsx$/);

  // the warning window is a setting: saved, and still there after a reload
  await app.goTo('办案设置');
  await page.getByTestId('settings-tab-workflow').click();
  await page.getByTestId('settings-yellow').fill('7');
  await page.getByTestId('settings-save').click();
  await expect(app.notification('已保存')).toBeVisible();
  await page.reload();
  await page.getByTestId('settings-tab-workflow').click();
  await expect(page.getByTestId('settings-yellow')).toHaveValue('7');
});
