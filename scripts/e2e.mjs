// `npm run test:e2e`: make sure a Chromium exists, build the production bundle, then run
// Playwright against `vite preview` (started by playwright.config.ts).
// A browser is never downloaded by `npm install`; if none is found here we provide one:
// Playwright's own Chromium first (works on any machine with internet), then the OS package
// (root + apt), and only if both fail we stop with one message naming both fixes.
import { spawnSync } from 'node:child_process';
import { findBrowser } from './browser.mjs';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status === 0;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasApt() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function provideBrowser() {
  console.log('[e2e] No Chromium found. Trying `npx playwright install chromium`…');
  if (run('npx', ['playwright', 'install', 'chromium'], { timeout: 5 * 60_000 })) {
    const found = findBrowser();
    if (found.path) return found;
  }
  if (isRoot() && hasApt()) {
    console.log(
      '[e2e] Playwright could not download its browser. Installing Debian/Ubuntu Chromium with apt-get…',
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    if (
      run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) ||
      run('apt-get', ['install', '-y', '-qq', 'chromium-browser'], { env })
    ) {
      const found = findBrowser();
      if (found.path) return found;
    }
  }
  return undefined;
}

let browser = findBrowser();
if (browser.error) {
  console.error(`[e2e] ${browser.error}`);
  process.exit(1);
}
if (!browser.path) browser = provideBrowser() ?? browser;
if (!browser.path) {
  console.error(
    [
      '',
      '[e2e] No Chromium is available for the end-to-end tests, and none could be installed.',
      'Fix it in one of two ways, then run `npm test` again:',
      '  1. With internet access:   npx playwright install chromium',
      '  2. With a system package:  sudo apt-get install -y chromium   (or install Google Chrome)',
      '     and, if it is not in a standard place, point to it:  CHROMIUM_PATH=/path/to/chrome npm test',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`[e2e] Using Chromium from ${browser.source}: ${browser.path}`);

const env = { ...process.env, CHROMIUM_PATH: browser.path };
if (!process.env.E2E_SKIP_BUILD) {
  if (!run('npx', ['vite', 'build', '--logLevel', 'warn'], { env })) process.exit(1);
  // The size budget is part of the test: over 1.25 × the bare-libraries page fails.
  if (!run('node', ['scripts/size-report.mjs', '--strict'], { env })) process.exit(1);
}
const ok = run('npx', ['playwright', 'test', ...process.argv.slice(2)], { env });
process.exit(ok ? 0 : 1);
