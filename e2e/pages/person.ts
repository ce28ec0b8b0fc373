import type { Locator, Page } from '@playwright/test';

export class PersonModel {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('person-detail');
  }

  get name(): Locator {
    return this.page.getByTestId('person-name');
  }

  get idNumber(): Locator {
    return this.page.getByTestId('person-id-number');
  }

  get unitPath(): Locator {
    return this.page.getByTestId('person-unit-path');
  }

  get kinRows(): Locator {
    return this.page.getByTestId('kin-row');
  }

  /** Links the relative with this ID number (unique, unlike names). */
  async addKin(relativeIdNumber: string, relation: string): Promise<void> {
    await this.page.getByTestId('kin-card').getByRole('button', { name: '添加亲属' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('kin-person-picker').fill(relativeIdNumber);
    await this.page.getByRole('option', { name: new RegExp(`${relativeIdNumber}$`) }).click();
    await dialog.getByTestId('kin-relation').click();
    await this.page.getByRole('option', { name: relation, exact: true }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
  }
}
