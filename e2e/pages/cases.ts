import { expect, type Locator, type Page } from '@playwright/test';

/** Picks an option of a Mantine select (the input carries the test id); labels are zh-CN. */
async function choose(page: Page, input: Locator, option: string, options: { type?: boolean } = {}): Promise<void> {
  if (options.type) await input.fill(option);
  else await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export interface IntakeValues {
  title: string;
  source: string;
  receivedDate: string;
  summary?: string;
  subjects: { name: string; idNumber?: string; position?: string }[];
}

/** 受理登记. */
export class IntakeModel {
  constructor(private readonly page: Page) {}

  get form(): Locator {
    return this.page.getByTestId('intake-form');
  }

  get duplicates(): Locator {
    return this.page.getByTestId('intake-duplicates');
  }

  async fill(values: IntakeValues): Promise<void> {
    await this.page.getByTestId('intake-title').fill(values.title);
    await choose(this.page, this.page.getByTestId('intake-source'), values.source);
    await this.page.getByTestId('intake-received').fill(values.receivedDate);
    if (values.summary) await this.page.getByTestId('intake-summary').fill(values.summary);
    for (const [i, subject] of values.subjects.entries()) {
      if (i > 0) await this.page.getByTestId('subject-add').click();
      const row = this.page.getByTestId('subject-row').nth(i);
      await row.getByTestId('subject-name').fill(subject.name);
      if (subject.idNumber) await row.getByTestId('subject-id-number').fill(subject.idNumber);
      if (subject.position) await row.getByTestId('subject-position').fill(subject.position);
    }
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('intake-submit').click();
  }
}

/** One clue or case. */
export class CaseModel {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('case-detail');
  }

  get number(): Locator {
    return this.page.getByTestId('case-number');
  }

  get stage(): Locator {
    return this.root.getByTestId('stage').first();
  }

  get proposal(): Locator {
    return this.page.getByTestId('proposal-box');
  }

  get actionForm(): Locator {
    return this.page.getByTestId('action-form');
  }

  get refusal(): Locator {
    return this.page.getByTestId('action-refused');
  }

  get sanctions(): Locator {
    return this.page.getByTestId('case-sanction');
  }

  clock(kind: string): Locator {
    return this.page.getByTestId('case-clock').and(this.page.locator(`[data-kind="${kind}"]`)).last();
  }

  event(action: string): Locator {
    return this.page.getByTestId('case-event').and(this.page.locator(`[data-action="${action}"]`));
  }

  /** The step itself, not an undo of it. */
  step(action: string): Locator {
    return this.event(action).and(this.page.locator('[data-kind="acted"]'));
  }

  actionButton(action: string): Locator {
    return this.page.getByTestId('case-action').and(this.page.locator(`[data-action="${action}"]`));
  }

  async expectStage(stage: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-stage', stage);
  }

  /** Opens the action's form, fills what is given, and submits it. */
  async act(
    action: string,
    values: { date?: string; department?: string; reason?: string; recipient?: string; reviewDate?: string; sanctions?: string[]; measure?: string } = {},
  ): Promise<void> {
    await this.actionButton(action).click();
    const form = this.actionForm;
    await expect(form).toBeVisible();
    if (values.date) await form.getByTestId('action-date').fill(values.date);
    if (values.department) await choose(this.page, form.getByTestId('action-departmentId'), values.department, { type: true });
    if (values.reviewDate) await form.getByTestId('action-reviewDate').fill(values.reviewDate);
    if (values.measure) await choose(this.page, form.getByTestId('action-measure'), values.measure);
    for (const [i, sanction] of (values.sanctions ?? []).entries()) await choose(this.page, form.getByTestId('action-sanction').nth(i), sanction);
    if (values.reason) await form.getByTestId('action-reason').fill(values.reason);
    if (values.recipient) await form.getByTestId('action-recipient').fill(values.recipient);
    await this.submitAction();
  }

  /** The action form's submit button: 确定, or 提请审批 for an action that needs approval. */
  async submitAction(): Promise<void> {
    await this.actionForm.locator('button[type=submit]').click();
  }

  /** Moves made at two offices at once, waiting for someone to keep one. */
  get conflict(): Locator {
    return this.page.getByTestId('case-conflict');
  }

  conflictMove(text: string): Locator {
    return this.conflict.getByTestId('conflict-move').filter({ hasText: text });
  }

  /** Keeps the conflicting move that shows `text`; the others are undone. */
  async keepMove(text: string, reason: string): Promise<void> {
    await this.conflictMove(text).getByRole('radio').check();
    await this.conflict.getByTestId('conflict-reason').fill(reason);
    await this.conflict.getByTestId('conflict-keep').click();
    await expect(this.conflict).toHaveCount(0);
  }

  async approve(comment?: string): Promise<void> {
    if (comment) await this.page.getByTestId('proposal-comment').fill(comment);
    await this.page.getByTestId('proposal-approve').click();
    await expect(this.proposal).toHaveCount(0);
  }
}

/** 案件台账. */
export class RegisterModel {
  constructor(private readonly page: Page) {}

  get total(): Locator {
    return this.page.getByTestId('case-total');
  }

  get rows(): Locator {
    return this.page.getByTestId('case-row');
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('case-search').fill(text);
  }

  async filterStage(stage: string): Promise<void> {
    await choose(this.page, this.page.getByTestId('case-stage-filter'), stage);
  }

  async filterSource(source: string): Promise<void> {
    await choose(this.page, this.page.getByTestId('case-source-filter'), source);
  }
}

/** 时限预警. */
export class BoardModel {
  constructor(private readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('board-row');
  }

  row(number: string): Locator {
    return this.rows.filter({ hasText: number });
  }

  get unknown(): Locator {
    return this.page.getByTestId('board-unknown');
  }
}

/** 办案设置: the holiday calendar. */
export class CaseSettingsModel {
  constructor(private readonly page: Page) {}

  year(year: number): Locator {
    return this.page.getByTestId('calendar-year').and(this.page.locator(`[data-year="${year}"]`));
  }

  async addYear(year: number, holidays: string[], workdays: string[] = []): Promise<void> {
    await this.page.getByTestId('calendar-add').click();
    const form = this.page.getByTestId('year-form');
    await form.getByTestId('year-number').fill(String(year));
    await form.getByTestId('year-holidays').fill(holidays.join('\n'));
    if (workdays.length) await form.getByTestId('year-workdays').fill(workdays.join('\n'));
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form).toHaveCount(0);
  }
}
