import type { Locator, Page } from '@playwright/test';

export class ImportModel {
  constructor(private readonly page: Page) {}

  async importFile(filePath: string): Promise<void> {
    await this.page.locator('input[type="file"]').setInputFiles(filePath);
    await this.page.getByRole('button', { name: '开始导入' }).click();
  }

  get report(): Locator {
    return this.page.getByTestId('import-report');
  }

  figure(name: 'rows' | 'created' | 'updated' | 'unchanged' | 'rejected'): Locator {
    return this.page.getByTestId(`report-${name}-value`);
  }

  get rejectedRows(): Locator {
    return this.page.getByTestId('rejected-row');
  }

  rejectedRow(row: number): Locator {
    return this.page.locator(`[data-testid="rejected-row"][data-row="${row}"]`);
  }

  get error(): Locator {
    return this.page.getByTestId('import-error');
  }

  get downloadButton(): Locator {
    return this.page.getByTestId('download-rejected');
  }
}
