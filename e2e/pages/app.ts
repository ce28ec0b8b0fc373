import type { Locator, Page } from '@playwright/test';
import { ImportModel } from './import';
import { OverviewModel } from './overview';
import { PeopleModel } from './people';
import { PersonModel } from './person';
import { UnitsModel } from './units';

/** The whole application as a test sees it: the shell plus one model per screen. */
export class AppModel {
  readonly overview: OverviewModel;
  readonly units: UnitsModel;
  readonly people: PeopleModel;
  readonly person: PersonModel;
  readonly import: ImportModel;

  constructor(readonly page: Page) {
    this.overview = new OverviewModel(page);
    this.units = new UnitsModel(page);
    this.people = new PeopleModel(page);
    this.person = new PersonModel(page);
    this.import = new ImportModel(page);
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

  async switchLanguage(label: 'English' | '中文'): Promise<void> {
    // Mantine's SegmentedControl is a radio group; the label is what users click
    await this.page.getByRole('banner').getByText(label, { exact: true }).click();
  }

  /** The notifications stack (success and error toasts). */
  notification(text: string | RegExp): Locator {
    return this.page.locator('.mantine-Notifications-root').getByText(text);
  }
}
