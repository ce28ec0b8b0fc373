import type { Locator, Page } from '@playwright/test';
import { PersonFormModel } from './person-form';

export class PeopleModel {
  readonly form: PersonFormModel;

  constructor(private readonly page: Page) {
    this.form = new PersonFormModel(page);
  }

  get searchBox(): Locator {
    return this.page.getByTestId('people-search');
  }

  get rows(): Locator {
    return this.page.getByTestId('people-table').getByTestId('person-row');
  }

  get empty(): Locator {
    return this.page.getByTestId('empty-state');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  async openPerson(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
  }

  async startCreate(buttonLabel: string): Promise<void> {
    await this.page.getByRole('button', { name: buttonLabel }).click();
  }
}
