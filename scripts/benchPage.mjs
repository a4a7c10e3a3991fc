// What the browser benchmarks share: a production build served by `vite preview`, and a
// headless Chromium page on it (the same browser lookup as the end-to-end tests).
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findBrowser, launchArgs } from './browser.mjs';

/** Builds (unless SKIP_BUILD=1), serves dist/ on `port`, and opens a page; `close()` stops both. */
export async function openBenchPage({ port, viewport = { width: 1280, height: 720 }, reducedMotion }) {
  if (!process.env.SKIP_BUILD)
    spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  await waitForServer(port);
  const found = findBrowser();
  if (!found.path && found.source !== 'playwright')
    throw new Error('No Chromium found: run `npm run test:e2e` once, or set CHROMIUM_PATH.');
  const browser = await chromium.launch({
    executablePath: found.source === 'playwright' ? undefined : found.path,
    args: launchArgs(),
  });
  const page = await browser.newPage({ viewport, reducedMotion: reducedMotion ?? 'no-preference' });
  return {
    page,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await browser.close();
      stop();
    },
  };
}

async function waitForServer(port) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}
