import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the real `serve` (see e2e/fixtures.ts): each test gets its own
 * server and data folder. Debian's Chromium is used because browser downloads are not possible
 * on the build machines; `npm run test:e2e` builds the UI first.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  // 2-core build machines: one browser and one server at a time
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  // the first demo load writes ~2,000 people through the audited write path
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
