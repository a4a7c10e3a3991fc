import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- plain ESM helper without type declarations
import { findBrowser, launchArgs } from './browser.mjs';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('findBrowser (how npm test finds a Chromium)', () => {
  it('uses CHROMIUM_PATH first when it names an existing file', () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'cafe-')), 'my-chrome');
    writeFileSync(fake, '');
    process.env.CHROMIUM_PATH = fake;
    expect(findBrowser()).toEqual({ path: fake, source: 'CHROMIUM_PATH' });
  });

  it('explains a CHROMIUM_PATH that points nowhere instead of silently using another browser', () => {
    process.env.CHROMIUM_PATH = '/nowhere/chrome';
    const found = findBrowser();
    expect(found.path).toBeUndefined();
    expect(found.error).toContain('/nowhere/chrome');
  });

  it('launches without network chatter', () => {
    expect(launchArgs()).toEqual(
      expect.arrayContaining(['--disable-background-networking', '--disable-component-update']),
    );
  });
});
