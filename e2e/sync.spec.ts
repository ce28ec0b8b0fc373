// Two offices on loopback, each its own `serve` and database, and one relay (`zhijian relay`):
// peers added through the sync screen, a clue of the county office reaching the city through the
// relay, the relay gone while both sides work on and a bundle carried by file, then the relay back
// on the same port and everything converging.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { expect, launchServer, test as base, type OwnServer } from './fixtures';
import { AppModel } from './pages/app';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** what `zhijian relay` prints once it listens (in English: ZHIJIAN_LANG=en below) */
const LISTENING = /Relay listening on [^\s:]+:(\d+)/;

/** The relay as its own process, stopped and started again on the same port and data folder. */
class RelayProcess {
  private child: ChildProcess | null = null;
  private constructor(
    readonly dataDir: string,
    public port: number,
  ) {}

  /** Port 0: the system picks one, read from what the relay prints. */
  static async start(): Promise<RelayProcess> {
    const relay = new RelayProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-e2e-relay-')), 0);
    await relay.restart();
    return relay;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const args = ['--import', 'tsx', 'src/cli/main.ts', 'relay', '--port', String(this.port), '--data', this.dataDir, '--host', '127.0.0.1'];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ZHIJIAN_LANG: 'en' } });
    this.child = child;
    let output = '';
    this.port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the relay did not start\n${output}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const port = LISTENING.exec(output)?.[1];
        if (port) {
          clearTimeout(timer);
          resolve(Number(port));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the relay exited with ${code}\n${output}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  async remove(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** One office: its server, and its administrator's browser. */
interface Office {
  server: OwnServer;
  app: AppModel;
}

async function openOffice(browser: Browser, server: OwnServer): Promise<Office> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url);
  return { server, app: new AppModel(page) };
}

const test = base.extend<{ offices: { relay: RelayProcess; city: Office; county: Office } }>({
  offices: async ({ browser }, use, testInfo) => {
    const relay = await RelayProcess.start();
    const servers: OwnServer[] = [];
    try {
      // both set up through the first-start screen with the default root unit (530700)
      servers.push(...(await Promise.all([launchServer({ relay: relay.url }), launchServer({ relay: relay.url })])));
      const [city, county] = await Promise.all(servers.map((server) => openOffice(browser, server)));
      await use({ relay, city: city!, county: county! });
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        for (const [i, server] of servers.entries()) await testInfo.attach(`serve output ${i === 0 ? 'city' : 'county'}`, { body: server.output() });
      }
      await Promise.all(servers.map((server) => server.stop()));
      await relay.remove();
    }
  },
});

const fingerprintOf = (app: AppModel) => app.sync.nodeFingerprint.getByTestId('fingerprint-group').allInnerTexts();

async function createCounty(app: AppModel, name: string, code: string): Promise<void> {
  await app.goTo('组织机构');
  await app.units.select('丽江市');
  await app.units.panel.getByRole('button', { name: '新建下级单位' }).click();
  const dialog = app.page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '单位名称' }).fill(name);
  await dialog.getByRole('textbox', { name: '单位代码' }).fill(code);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

async function registerClue(app: AppModel, title: string, unit: string, subject: string): Promise<void> {
  await app.goTo('受理登记');
  await app.intake.fill({ title, source: '信访举报', receivedDate: '2026-11-20', subjects: [{ name: subject }] });
  await app.page.getByTestId('intake-unit').click();
  await app.page.getByRole('option', { name: unit, exact: true }).click();
  await app.intake.submit();
  await expect(app.case.root).toBeVisible();
}

async function openClue(app: AppModel, title: string): Promise<void> {
  await app.goTo('案件台账');
  await app.register.row(title).click();
  await expect(app.case.root).toBeVisible();
}

/** The register shows exactly these clues; resolves with its rows as text (number, unit, stage …). */
async function expectClues(app: AppModel, titles: string[]): Promise<string[]> {
  await app.goTo('案件台账');
  for (const title of titles) await expect(app.register.row(title)).toBeVisible();
  await expect(app.register.rows).toHaveCount(titles.length);
  return (await app.register.rows.allInnerTexts()).sort();
}

const CLUE_ONLINE = '反映玉龙县某村干部优亲厚友问题（同步测试）';
const CLUE_OFFLINE = '断网期间受理：反映玉龙县某站所违规发放补贴问题';

test('two offices exchange through the relay, carry a bundle by file while it is away, and converge when it is back', async ({ offices }, testInfo) => {
  test.setTimeout(150_000);
  const { relay, city, county } = offices;
  const dirs = { city: testInfo.outputPath('city'), county: testInfo.outputPath('county') };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });

  await Promise.all([city.app.setUpAdministrator(), county.app.setUpAdministrator()]);
  // the city's registry has the county; it reaches the county's node with the first exchange
  await createCounty(city.app, '玉龙县', '530721');

  // identity files downloaded on each side and added on the other, fingerprints compared
  await city.app.sync.open();
  await county.app.sync.open();
  const [cityFingerprint, countyFingerprint] = [await fingerprintOf(city.app), await fingerprintOf(county.app)];
  const cityIdentity = await city.app.sync.downloadIdentity(dirs.city);
  const countyIdentity = await county.app.sync.downloadIdentity(dirs.county);
  expect(path.basename(cityIdentity)).toBe('zhijian-node-530700.json');
  await county.app.sync.addPeer(cityIdentity, { fingerprint: cityFingerprint, unit: '丽江市' }, '丽江市');
  await city.app.sync.addPeer(countyIdentity, { fingerprint: countyFingerprint, unit: '丽江市' }, '玉龙县');
  await expect(city.app.sync.peerRow('丽江市')).toContainText('530721');
  await expect(city.app.sync.peerRow('丽江市').getByTestId('peer-state')).toHaveText('有效');

  // through the relay: the county learns its unit, then a clue it registers reaches the city
  await city.app.sync.syncNow();
  await county.app.sync.syncNow();
  await expect(city.app.sync.relayState).toHaveText('在线');
  await expect(county.app.sync.relayState).toHaveText('在线');
  await expect(county.app.sync.indicator).toHaveAttribute('data-state', 'online');
  // its county there, the county's node names it as the unit it works for; its bundles tell the city
  await county.app.sync.setNodeUnit('玉龙县');
  await registerClue(county.app, CLUE_ONLINE, '玉龙县', '木同步甲');
  await county.app.sync.open();
  await county.app.sync.syncNow();
  await city.app.sync.syncNow();
  await expectClues(city.app, [CLUE_ONLINE]);

  // the relay goes away: both sides say so, and go on working
  await relay.stop();
  await city.app.sync.open();
  await city.app.sync.syncNow();
  await county.app.sync.syncNow();
  await expect(county.app.sync.relayState).toHaveText('离线');
  await expect(city.app.sync.indicator).toHaveAttribute('data-state', 'offline');
  await registerClue(county.app, CLUE_OFFLINE, '玉龙县', '木同步乙');
  await createCounty(city.app, '永胜县', '530722');
  // and both move the same clue, each unaware of the other
  await openClue(city.app, CLUE_ONLINE);
  await city.app.case.act('not_accept', { reason: '市纪委：不属于受理范围' });
  await city.app.case.expectStage('closed');
  await openClue(county.app, CLUE_ONLINE);
  await county.app.case.act('report_up', { recipient: '云南省纪委监委' });
  await county.app.case.expectStage('closed');

  // the county's changes carried by file: previewed, then applied; the same file again changes nothing
  await county.app.sync.open();
  const bundle = await county.app.sync.exportBundle('丽江市', dirs.county);
  expect(path.extname(bundle)).toBe('.zjb');
  await city.app.sync.open();
  await city.app.sync.chooseBundles([bundle]);
  const item = city.app.sync.bundleItem(path.basename(bundle));
  await expect(item.getByTestId('bundle-sender')).toContainText('玉龙县');
  await expect(item.getByTestId('bundle-for-us')).toContainText('是');
  await expect(item.getByTestId('bundle-sender-state')).toHaveText('有效');
  await expect(item.getByTestId('bundle-counts')).toContainText('项变更');
  await expect(item.getByTestId('bundle-problem')).toHaveCount(0);
  await item.getByTestId('bundle-apply').click();
  await expect(item.getByTestId('bundle-result')).toHaveAttribute('data-outcome', 'applied');
  await city.app.sync.chooseBundles([bundle]);
  const again = city.app.sync.bundleItems.nth(1);
  await expect(again.getByTestId('bundle-already-applied')).toBeVisible();
  await again.getByTestId('bundle-discard').click();
  await expect(again.getByTestId('bundle-discarded')).toBeVisible();
  await expectClues(city.app, [CLUE_ONLINE, CLUE_OFFLINE]);

  // the clue moved on both sides: both moves are kept and shown, and nothing else can be done to
  // it until the city, having phoned the county, keeps one
  await openClue(city.app, CLUE_ONLINE);
  await expect(city.app.case.conflict.getByTestId('conflict-move')).toHaveCount(2);
  await expect(city.app.case.conflictMove('云南省纪委监委')).toContainText('玉龙县记录');
  await city.app.page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'screenshots', 'case-conflict.png'), animations: 'disabled' });
  await expect(city.app.page.getByTestId('case-action')).toHaveCount(0);
  await expect(city.app.page.locator('[data-testid="case-event"][data-conflicting="true"]')).toHaveCount(2);
  await city.app.case.keepMove('云南省纪委监委', '经与玉龙县电话核实，以报送上级为准');
  await expect(city.app.case.step('not_accept')).toHaveAttribute('data-undone', 'true');

  // the relay back on the same port: the rest flows (the city's new county), nothing lost or doubled
  const port = relay.port;
  await relay.restart();
  expect(relay.port).toBe(port);
  await city.app.sync.open();
  for (let round = 0; round < 2; round++) {
    await city.app.sync.syncNow();
    await county.app.sync.syncNow();
  }
  await expect(city.app.sync.relayState).toHaveText('在线');
  await expect(county.app.sync.relayState).toHaveText('在线');

  // the same two clues on both sides, down to their numbers and stages
  expect(await expectClues(county.app, [CLUE_ONLINE, CLUE_OFFLINE])).toEqual(await expectClues(city.app, [CLUE_ONLINE, CLUE_OFFLINE]));
  for (const office of [city, county]) {
    await openClue(office.app, CLUE_ONLINE);
    await expect(office.app.case.step('report_up')).toHaveAttribute('data-undone', 'false');
    await expect(office.app.case.step('not_accept')).toHaveAttribute('data-undone', 'true');
    await expect(office.app.case.conflict).toHaveCount(0);
    await office.app.goTo('组织机构');
    for (const name of ['玉龙县', '永胜县']) await expect(office.app.units.node(name)).toBeVisible();
  }
});
