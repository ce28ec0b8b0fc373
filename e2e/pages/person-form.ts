import type { Locator, Page } from '@playwright/test';

/** The create/edit person modal; labels are the zh-CN ones. */
export class PersonFormModel {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  field(label: string): Locator {
    return this.dialog.getByRole('textbox', { name: label });
  }

  async fill(values: { name?: string; idNumber?: string; position?: string; phone?: string }): Promise<void> {
    if (values.name !== undefined) await this.field('姓名').fill(values.name);
    if (values.idNumber !== undefined) await this.field('身份证号').fill(values.idNumber);
    if (values.position !== undefined) await this.field('职务').fill(values.position);
    if (values.phone !== undefined) await this.field('联系电话').fill(values.phone);
  }

  async chooseRank(rank: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: '职级' }).click();
    await this.page.getByRole('option', { name: rank, exact: true }).click();
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: '保存' }).click();
  }
}
