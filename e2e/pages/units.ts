import type { Locator, Page } from '@playwright/test';

export class UnitsModel {
  constructor(private readonly page: Page) {}

  get tree(): Locator {
    return this.page.getByTestId('unit-tree');
  }

  /** A visible unit row in the tree, by its exact name. */
  node(name: string): Locator {
    return this.tree.locator(`[data-testid="unit-node"][data-unit-name="${name}"]`);
  }

  nodesOfKind(kind: string): Locator {
    return this.tree.locator(`[data-testid="unit-node"][data-unit-kind="${kind}"]`);
  }

  async select(name: string): Promise<void> {
    await this.node(name).getByText(name, { exact: true }).click();
  }

  get panel(): Locator {
    return this.page.getByTestId('unit-panel');
  }

  get panelName(): Locator {
    return this.page.getByTestId('unit-panel-name');
  }

  get panelPeople(): Locator {
    return this.panel.getByTestId('person-row');
  }
}
