import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** 数据同步: this node, the relay, the peers and the bundle files; labels are the zh-CN ones. */
export class SyncModel {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('sync-page');
  }

  /** Opens the screen from the navigation and waits for this node's card. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '数据同步', exact: true }).click();
    await expect(this.nodeFingerprint.getByTestId('fingerprint-group')).toHaveCount(12);
  }

  get nodeFingerprint(): Locator {
    return this.root.getByTestId('node-fingerprint');
  }

  /** Downloads this node's identity file into `dir`; resolves with its path. */
  async downloadIdentity(dir: string): Promise<string> {
    return this.save(dir, () => this.root.getByTestId('identity-download').click());
  }

  /**
   * Adds a peer from its identity file: checks that the dialog shows the fingerprint given (as
   * the administrator compares it by phone), confirms, picks the scope unit and saves.
   */
  async addPeer(identityFile: string, expected: { fingerprint: string[]; unit: string }, scope: string): Promise<void> {
    await this.root.getByTestId('peer-add').click();
    const dialog = this.page.getByTestId('add-peer');
    await dialog.getByTestId('peer-identity-input').setInputFiles(identityFile);
    await expect(dialog.getByTestId('peer-identity-unit')).toContainText(expected.unit);
    await expect(dialog.getByTestId('peer-identity-fingerprint').getByTestId('fingerprint-line')).toHaveCount(3);
    await expect(dialog.getByTestId('peer-identity-fingerprint').getByTestId('fingerprint-group')).toHaveText(expected.fingerprint);
    await expect(dialog.getByTestId('peer-add-submit')).toBeDisabled();
    await dialog.getByRole('checkbox', { name: '我已与对方管理员逐组核对，12 组数字完全一致' }).check();
    await dialog.getByTestId('peer-scope').click();
    await this.page.getByRole('option', { name: scope, exact: true }).click();
    await dialog.getByTestId('peer-add-submit').click();
    await expect(dialog).toBeHidden();
  }

  /** Names the unit this node works for, from the node card. */
  async setNodeUnit(unit: string): Promise<void> {
    await this.root.getByTestId('node-unit-change').click();
    await this.root.getByTestId('node-unit-select').click();
    await this.page.getByRole('option', { name: unit, exact: true }).click();
    await this.root.getByTestId('node-unit-save').click();
    await expect(this.root.getByTestId('node-unit')).toContainText(unit);
  }

  peerRow(name: string): Locator {
    return this.root.getByTestId('peer-row').filter({ hasText: name });
  }

  get relayState(): Locator {
    return this.root.getByTestId('sync-relay').getByTestId('relay-state');
  }

  /** One exchange with the relay now, waiting for its answer. */
  async syncNow(): Promise<void> {
    const answered = this.page.waitForResponse((response) => new URL(response.url()).pathname === '/rpc' && (response.request().postData() ?? '').includes('"sync.syncNow"'));
    await this.root.getByTestId('sync-now').click();
    await answered;
  }

  /** Exports a bundle for the peer into `dir`; resolves with the file's path. */
  async exportBundle(peerName: string, dir: string): Promise<string> {
    return this.save(dir, () => this.peerRow(peerName).getByTestId('peer-export').click());
  }

  /** Chooses bundle files: each is uploaded and previewed. */
  async chooseBundles(files: string[]): Promise<void> {
    await this.root.getByTestId('bundle-input').setInputFiles(files);
  }

  get bundleItems(): Locator {
    return this.root.getByTestId('bundle-item');
  }

  bundleItem(fileName: string): Locator {
    return this.bundleItems.filter({ hasText: fileName });
  }

  /** The status bar's indicator (every screen). */
  get indicator(): Locator {
    return this.page.getByTestId('sync-indicator');
  }

  private async save(dir: string, click: () => Promise<void>): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  }
}
