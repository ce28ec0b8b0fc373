import { expect, type Locator, type Page } from '@playwright/test';

/** Picks an option of a Mantine select (the input carries the test id); labels are zh-CN. */
async function choose(page: Page, input: Locator, option: string | RegExp): Promise<void> {
  await input.click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** One hit as the board's row carries it, the way expected-hits.csv lists hits. */
export interface HitKey {
  rule: string;
  idNumber: string;
  program: string;
  period: string;
}

export const hitKey = (h: HitKey): string => `${h.rule},${h.idNumber},${h.program},${h.period}`;

/** 数据导入: choose a dataset and a file, map its columns if asked, follow the import to its report. */
export class WelfareImportModel {
  constructor(private readonly page: Page) {}

  get fileInput(): Locator {
    return this.page.locator('input[type="file"]');
  }

  /** Chooses the dataset (its zh-CN name) and the file and starts; `review` stops at the mapping step. */
  async start(dataset: string, filePath: string, options: { review?: boolean } = {}): Promise<void> {
    await choose(this.page, this.page.getByTestId('welfare-dataset'), dataset);
    await this.fileInput.setInputFiles(filePath);
    const review = this.page.getByTestId('welfare-review');
    if (options.review) await review.check();
    else await review.uncheck();
    await this.page.getByTestId('welfare-start').click();
  }

  /** Imports a file whose header needs no mapping and waits for its report. */
  async importFile(dataset: string, filePath: string, fileName: string): Promise<void> {
    await this.start(dataset, filePath);
    await expect(this.report).toContainText(fileName, { timeout: 60_000 });
  }

  get report(): Locator {
    return this.page.getByTestId('welfare-report');
  }

  figure(name: 'rows' | 'accepted' | 'rejected'): Locator {
    return this.report.getByTestId(`report-${name}-value`);
  }

  /** A figure of the report as a number (the screen writes it with separators). */
  async count(name: 'rows' | 'accepted' | 'rejected'): Promise<number> {
    return Number(await this.figure(name).getAttribute('data-value'));
  }

  rejectedRow(row: number): Locator {
    return this.report.locator(`[data-testid="rejected-row"][data-row="${row}"]`);
  }

  get downloadRejected(): Locator {
    return this.report.getByTestId('download-rejected');
  }

  get running(): Locator {
    return this.page.getByTestId('welfare-import-running');
  }

  get cancelButton(): Locator {
    return this.page.getByTestId('welfare-cancel');
  }

  get cancelled(): Locator {
    return this.page.getByTestId('welfare-cancelled');
  }

  get duplicate(): Locator {
    return this.page.getByTestId('welfare-duplicate');
  }

  get error(): Locator {
    return this.page.getByTestId('welfare-import-error');
  }

  get mapping(): Locator {
    return this.page.getByTestId('mapping-step');
  }

  mappingRow(field: string): Locator {
    return this.mapping.getByTestId('mapping-row').and(this.page.locator(`[data-field="${field}"]`));
  }

  /** Maps a field to one of the file's columns by its header. */
  async mapField(field: string, header: string): Promise<void> {
    await choose(this.page, this.mappingRow(field).getByTestId('mapping-select'), header);
  }

  async confirmMapping(): Promise<void> {
    await this.mapping.getByTestId('mapping-confirm').click();
  }

  get batches(): Locator {
    return this.page.getByTestId('batch-row');
  }

  batch(fileName: string): Locator {
    return this.batches.and(this.page.locator(`[data-file="${fileName}"]`));
  }

  /** Withdraws every complete batch, one after the other, giving the reason asked for. */
  async withdrawAll(reason: string): Promise<void> {
    const buttons = this.page.getByTestId('batch-withdraw');
    await expect(this.batches.first()).toBeVisible();
    for (let left = await buttons.count(); left > 0; left -= 1) {
      await buttons.first().click();
      const form = this.page.getByTestId('withdraw-form');
      await form.getByTestId('withdraw-reason').fill(reason);
      await form.locator('button[type=submit]').click();
      await expect(form).toHaveCount(0);
      await expect(buttons).toHaveCount(left - 1);
    }
    await expect(this.batches.and(this.page.locator('[data-status="complete"]'))).toHaveCount(0);
  }
}

/** 比对疑点: run the rules, filter, read, select and assign hits. */
export class HitsModel {
  constructor(private readonly page: Page) {}

  /**
   * Runs the rules and waits for this run's summary; the progress shown meanwhile ("规则 n/12",
   * recorded as it changes: a small run is over before a poll would see it) is gone by then.
   */
  async runRules(): Promise<void> {
    // a string: the e2e code is compiled without the DOM's types
    await this.page.evaluate(`{
      const seen = (window.runProgressSeen = []);
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="run-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }`);
    await this.page.getByTestId('run-rules').click();
    await expect(this.run).toHaveAttribute('data-fresh', 'true', { timeout: 60_000 });
    await expect(this.page.getByTestId('run-progress')).toHaveCount(0);
    await expect(this.page.getByTestId('run-cancel')).toHaveCount(0);
    const seen = await this.page.evaluate<string[]>('window.runProgressSeen');
    expect(seen[0]).toBe('规则 0/12');
    for (const text of seen) expect(text).toMatch(/^规则 \d+\/12$/);
  }

  get run(): Locator {
    return this.page.getByTestId('rule-run');
  }

  get total(): Locator {
    return this.page.getByTestId('hits-total');
  }

  get rows(): Locator {
    return this.page.getByTestId('hit-row');
  }

  row(key: Partial<HitKey>): Locator {
    const attrs = [
      key.rule && `[data-rule="${key.rule}"]`,
      key.idNumber && `[data-id-number="${key.idNumber}"]`,
      key.program && `[data-program="${key.program}"]`,
      key.period && `[data-period="${key.period}"]`,
    ].filter(Boolean);
    return this.page.locator(`[data-testid="hit-row"]${attrs.join('')}`);
  }

  async pageSize(size: number): Promise<void> {
    await choose(this.page, this.page.getByTestId('hits-page-size'), `每页 ${size} 条`);
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('hits-search').fill(text);
  }

  /** Every hit row of the page shown, as (rule, ID number, program, period). */
  async readRows(): Promise<HitKey[]> {
    // read in the page at once: a few hundred rows one locator call each would take seconds
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => {
        const data = (row as unknown as { dataset: Record<string, string | undefined> }).dataset;
        return { rule: data.rule ?? '', idNumber: data.idNumber ?? '', program: data.program ?? '', period: data.period ?? '' };
      }),
    );
  }

  async select(row: Locator): Promise<void> {
    await row.getByTestId('hit-select').check();
  }

  /** Assigns the selected hits to a county (its name) and waits for the form to close. */
  async assignTo(county: string): Promise<void> {
    await this.page.getByTestId('hits-assign').click();
    const form = this.page.getByTestId('assign-form');
    await choose(this.page, form.getByTestId('assign-county'), county);
    await form.locator('button[type=submit]').click();
    await expect(form).toHaveCount(0);
  }
}

/** One hit: its finding and its hand-over. */
export class HitModel {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('hit-detail');
  }

  get findingForm(): Locator {
    return this.page.getByTestId('finding-form');
  }

  /** Records a finding (its zh-CN label), with a reason and attachments if given. */
  async recordFinding(finding: string, values: { reason?: string; recoverable?: string; files?: { name: string; mimeType: string; buffer: Buffer }[] } = {}): Promise<void> {
    const form = this.findingForm;
    await form.getByRole('radio', { name: finding, exact: true }).check();
    if (values.recoverable !== undefined) await form.getByTestId('finding-recoverable').fill(values.recoverable);
    if (values.reason) await form.getByTestId('finding-reason').fill(values.reason);
    if (values.files) await form.locator('input[type="file"]').setInputFiles(values.files);
    await form.getByTestId('finding-save').click();
  }

  get documents(): Locator {
    return this.page.getByTestId('hit-document');
  }

  entry(kind: string): Locator {
    return this.page.getByTestId('hit-entry').and(this.page.locator(`[data-kind="${kind}"]`));
  }

  get handOverButton(): Locator {
    return this.page.getByTestId('hand-over');
  }

  get caseLink(): Locator {
    return this.page.getByTestId('hit-case-link');
  }
}
