import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// What every journey needs: the café on the page, its clock, its Step button, and axe.

export const cafe = (page: Page) => page.locator('section.cafe');
export const stepButton = (page: Page) => cafe(page).getByRole('button', { name: 'Step', exact: true });

/** Virtual seconds shown on the café clock ("Simulated time 0:05.3 at 1× speed"). */
export async function clockSeconds(page: Page): Promise<number> {
  const label = (await cafe(page).getByRole('timer').getAttribute('aria-label')) ?? '';
  const match = /(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(label);
  if (!match) throw new Error(`unreadable clock: ${label}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** Steps the model one event at a time until `done`, failing after `max` steps. */
export async function stepUntil(page: Page, done: () => Promise<boolean>, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await stepButton(page).click();
  }
  throw new Error(`not reached after ${max} steps`);
}

/** Collects console errors and page errors: a journey must end with none. */
export function watchConsole(page: Page) {
  const problems: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}

/** axe's serious and critical violations (optionally within `selector`), as readable lines. */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const axe = await (selector ? builder.include(selector) : builder).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`);
}

/** The café's keys are live from page load (no click): once it has mounted and registered them. */
export async function keysLive(page: Page) {
  await page.locator('section.cafe[data-keys-live]').waitFor({ state: 'attached' });
}

/** The scene's regions, as lessons and the tests name them. */
export const ZONES = ['contrast', 'rail', 'baristas', 'pass', 'counter', 'tables'] as const;

/**
 * The elements under `root` whose content is wider than their box (text that spills out of its
 * card), as `tag.class: scrollWidth > clientWidth "text"`. Scroll containers, deliberate
 * ellipses and line clamps are left out: they show that they cut.
 */
export async function textWiderThanItsBox(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`${selector} *`)) {
      if (!(el instanceof HTMLElement) || el.closest('svg')) continue;
      const style = getComputedStyle(el);
      // Screen-reader-only text is clipped to 1 px on purpose.
      if (style.display === 'none' || style.display === 'inline' || el.clientWidth <= 1) continue;
      // Scroll containers (the terminal, the logs) scroll on purpose; a clipped line must say so (…).
      if (['auto', 'scroll'].includes(style.overflowX)) continue;
      if (
        style.overflowX !== 'visible' &&
        (style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none')
      )
        continue;
      if (el.scrollWidth > el.clientWidth + 1)
        bad.push(
          `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth} "${(el.textContent ?? '').slice(0, 40)}"`,
        );
    }
    return bad;
  }, root);
}

/**
 * A 390 × 844 phone at a busy moment: one barista, failing handlers, two orders at the counter
 * (the second turned away with a 429) and two for a table, six steps on. `url` is the page
 * (with its own query), to which the barista and failure settings are added.
 */
export async function busyMomentOnAPhone(page: Page, url: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${url}&baristas=1&failure=always`);
  const c = cafe(page);
  await c.getByRole('button', { name: /Order at the counter/ }).click();
  await c.getByRole('button', { name: /Order for a table/ }).click();
  await c.getByRole('button', { name: /Order at the counter/ }).click(); // 429: turned away
  await c.getByRole('button', { name: /Order for a table/ }).click();
  for (let i = 0; i < 6; i++) await stepButton(page).click();
}
