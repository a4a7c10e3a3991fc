// Finds a Chromium for the end-to-end tests, in the order the README promises:
// 1. an explicit CHROMIUM_PATH, 2. a system Chromium / Chrome, 3. Playwright's own browser.
// Pure lookup: never downloads anything (that is provideBrowser() in e2e.mjs).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const SYSTEM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function onPath(command) {
  try {
    const out = execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
    return out && existsSync(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

function playwrightOwnChromium() {
  try {
    const { chromium } = require('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {{ path: string | undefined, source: string, error?: string }} */
export function findBrowser() {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (existsSync(explicit)) return { path: explicit, source: 'CHROMIUM_PATH' };
    return {
      path: undefined,
      source: 'CHROMIUM_PATH',
      error: `CHROMIUM_PATH is set to "${explicit}", but no file exists there.`,
    };
  }
  for (const candidate of SYSTEM_CANDIDATES) {
    if (existsSync(candidate)) return { path: candidate, source: 'system' };
  }
  for (const command of SYSTEM_COMMANDS) {
    const found = onPath(command);
    if (found) return { path: found, source: 'system' };
  }
  const own = playwrightOwnChromium();
  if (own) return { path: own, source: 'playwright' };
  return { path: undefined, source: 'none' };
}

/** Launch flags that keep a system Chromium quiet on a closed network and working as root. */
export function launchArgs() {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');
  return args;
}
