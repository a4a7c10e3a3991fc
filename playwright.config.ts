import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error -- plain ESM helper shared with scripts/e2e.mjs, no type declarations
import { findBrowser, launchArgs } from './scripts/browser.mjs';

const browser = findBrowser() as { path?: string; source: string };
// E2E_PORT lets two checkouts on one machine run their suites side by side (each its own preview).
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  // On CI (a clean clone on a small shared machine) a failed test runs once more; one that passes
  // only then is listed as "flaky" in the report, which is a bug to fix, not a pass to forget.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      // A system Chromium (or CHROMIUM_PATH) is used as is; otherwise Playwright's own browser.
      executablePath: browser.source === 'playwright' ? undefined : browser.path,
      args: launchArgs(),
    },
  },
  projects: [
    { name: 'app', grepInvert: /@alone/ },
    // Tests that time the main thread (long tasks) run after the rest, alone: with the other
    // worker busy, a 20 ms frame on a 2-core machine takes 50 ms of wall time.
    { name: 'alone', grep: /@alone/, dependencies: ['app'] },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The dev server too, for the check that it runs under the Content-Security-Policy.
      command: `npx vite --host 127.0.0.1 --port ${port + 1000} --strictPort`,
      url: `http://127.0.0.1:${port + 1000}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // #12: host pages on another origin that embed the café (e2e/embed.spec.ts).
      command: `node e2e/fixtures/serve.mjs`,
      url: `http://127.0.0.1:${port + 1}`,
      env: { E2E_PORT: String(port) },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
