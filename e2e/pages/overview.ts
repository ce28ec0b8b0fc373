import type { Locator, Page } from '@playwright/test';

export class OverviewModel {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('overview');
  }

  get demoOffer(): Locator {
    return this.page.getByTestId('demo-offer');
  }

  get loadDemoButton(): Locator {
    return this.demoOffer.getByRole('button');
  }

  get unitCount(): Locator {
    return this.page.getByTestId('count-units-value');
  }

  get peopleCount(): Locator {
    return this.page.getByTestId('count-people-value');
  }
}
