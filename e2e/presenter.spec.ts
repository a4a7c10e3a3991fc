import { test, expect, type Page } from '@playwright/test';
import {
  busyMomentOnAPhone,
  cafe,
  clockSeconds,
  keysLive,
  seriousViolations,
  stepUntil,
  textWiderThanItsBox,
  ZONES,
} from './support';

// An instructor's journey: presenter mode from a link, a button or `p`; clicker keys from load;
// type big enough for the back of the room; blanking; leaving again.

const stage = (page: Page) => cafe(page).locator('.stage');

/** Every visible piece of text in `selector`, with its computed font size in px. */
async function textSizes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((roots) => {
    const out: { text: string; px: number; cls: string }[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const el = node.parentElement;
        if (!text || !el || el.closest('svg')) continue;
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Drawn and readable: not display:none, not the 1 px screen-reader-only text.
        if (rect.width <= 2 || rect.height <= 2 || style.visibility === 'hidden') continue;
        if (el.closest('.visually-hidden')) continue;
        out.push({ text: text.slice(0, 30), px: parseFloat(style.fontSize), cls: el.className });
      }
    }
    return out;
  });
}

test('?present=1 opens presenter mode at 1920×1080: only the stage, and no scene text under 24 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?paused=1&present=1&baristas=2&failure=always');
  await keysLive(page);
  // A busy moment, ordered from the keyboard (keys are live: no click).
  for (const key of ['s', 'a', 's', 'a', 'n', 'n']) await page.keyboard.press(key);
  await expect(cafe(page).locator('li.customer')).toHaveCount(4);

  const box = (await stage(page).boundingBox())!;
  expect(box).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  // Everything but the stage is hidden: the header, the timeline, the panels.
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(page.getByTestId('timeline-axis')).toBeHidden();
  await expect(page.getByRole('tab', { name: 'CloudWatch logs' })).toBeHidden();
  await expect(cafe(page).getByText('Kitchen', { exact: true })).toBeHidden();
  // The slim bar keeps what a class needs, and says the keys are live.
  for (const name of [/Order at the counter/, /Order for a table/, /^(Play|Pause)$/, /^Step$/, /^Step back$/])
    await expect(cafe(page).getByRole('button', { name })).toBeVisible();
  await expect(cafe(page).getByTestId('keys-hint')).toContainText('live');
  await expect(cafe(page).getByTestId('keys-hint')).toContainText('b blank');
  for (const zone of ZONES) {
    for (const region of await cafe(page).locator(`[data-zone="${zone}"]`).all()) {
      const r = (await region.boundingBox())!;
      expect(r.y + r.height, zone).toBeLessThanOrEqual(1080.5);
      expect(r.x + r.width, zone).toBeLessThanOrEqual(1920.5);
    }
  }

  const sizes = await textSizes(page, '.stage[data-presenting] .scene, .stage[data-presenting] .narration');
  expect(sizes.length).toBeGreaterThan(20);
  expect(sizes.filter((s) => s.px < 24)).toEqual([]);
  // Status codes larger still.
  const badges = await cafe(page)
    .locator('.badge-seated, .badge-served, .badge-turnedAway, .badge-error')
    .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  expect(badges.length).toBeGreaterThan(0);
  for (const px of badges) expect(px).toBeGreaterThan(26);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Present button and `p` enter presenter mode; clicker keys step, blank and leave', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?paused=1');
  await keysLive(page);
  const c = cafe(page);

  await c.getByRole('button', { name: 'Present' }).click();
  await expect(c).toHaveAttribute('data-presenting', 'true');
  // Fullscreen where the browser allows it; where it refuses, the stage fills the window and says why.
  await expect
    .poll(async () =>
      page.evaluate(
        () =>
          document.fullscreenElement?.classList.contains('stage') === true ||
          document.querySelector('[role="alert"]')?.textContent?.includes('full screen') === true,
      ),
    )
    .toBe(true);
  const box = (await stage(page).boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(1279);
  expect(box.height).toBeGreaterThanOrEqual(799);

  // A clicker: PageDown steps (in presenter mode as anywhere), b and . blank and un-blank.
  await page.keyboard.press('s');
  await page.keyboard.press('PageDown');
  expect(await clockSeconds(page)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.keyboard.press('b');
  await expect(page.locator('.stage-blank')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.locator('.stage-blank')).toHaveCount(0);
  await page.keyboard.press('.');
  await expect(page.locator('.stage-blank')).toBeVisible();
  // Esc un-blanks first, then leaves presenter mode.
  await page.keyboard.press('Escape');
  await expect(page.locator('.stage-blank')).toHaveCount(0);
  await expect(c).toHaveAttribute('data-presenting', 'true');
  await page.keyboard.press('Escape');
  await expect(c).not.toHaveAttribute('data-presenting');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  // Outside presenter mode `.` does nothing and `b` steps back.
  await page.keyboard.press('.');
  await expect(page.locator('.stage-blank')).toHaveCount(0);

  // `p` enters again (and toggles back).
  await page.keyboard.press('p');
  await expect(c).toHaveAttribute('data-presenting', 'true');
  await page.keyboard.press('p');
  await expect(c).not.toHaveAttribute('data-presenting');
});

test('presenter mode keeps dark mode, and stays axe clean', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?paused=1&present=1');
  await keysLive(page);
  await page.keyboard.press('a');
  await page.waitForTimeout(500);
  const bg = await stage(page).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe('rgb(255, 255, 255)');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a presenter link opened on a 390 px phone keeps the phone’s sizes: no text spills out of its box, and the stage scrolls to the end', async ({
  page,
}) => {
  await busyMomentOnAPhone(page, '/?paused=1&present=1');
  const c = cafe(page);
  await expect(stage(page)).toHaveAttribute('data-presenting', 'true');

  expect(await textWiderThanItsBox(page, '.stage[data-presenting]')).toEqual([]);
  // The café is taller than a phone: the reader scrolls the stage (a wheel or a finger) to the pass.
  const pass = c.locator('[data-zone="pass"]');
  await expect(pass).not.toBeInViewport({ ratio: 0.99 });
  await stage(page).hover();
  await page.mouse.wheel(0, 3000);
  await expect(pass).toBeInViewport({ ratio: 0.99 });
  expect(await seriousViolations(page)).toEqual([]);

  // A lesson in presenter mode: its card comes under the café, whole, at a phone's type size.
  await page.goto('/?paused=1&present=1&lesson=receipt&step=2');
  const card = page.locator('article.lesson-card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('The event waits in Lambda’s queue');
  await card.getByRole('radio').first().scrollIntoViewIfNeeded();
  await expect(card.getByRole('radio').first()).toBeInViewport();
  const text = await card.locator('.lesson-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(text).toBeLessThanOrEqual(18);
  expect(await textWiderThanItsBox(page, '.stage[data-presenting]')).toEqual([]);
});

test('at 1920×1080 a resting barista’s words fit its station, and the pass fits its zone, its labels in one column', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?paused=1&present=1');
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  const station = cafe(page).locator('li.station[data-env="env-1"]');
  await stepUntil(page, async () => (await station.getAttribute('data-state')) === 'idle');
  await expect(station.locator('.station-short')).toHaveText('resting (frozen)');
  // The card clips what overflows it (overflow: hidden): its content must be no taller than it.
  const { content, box } = await station.evaluate((el) => ({
    content: el.scrollHeight,
    box: el.clientHeight,
  }));
  expect(content).toBeLessThanOrEqual(box + 1);

  const pass = cafe(page).locator('[data-zone="pass"]');
  const fit = await pass.evaluate((el) => ({ content: el.scrollHeight, box: el.clientHeight }));
  expect(fit.content).toBeLessThanOrEqual(fit.box + 1);
  // OnSuccess, Result to nobody, OnFailure, DLQ, Discarded: each label starts where the others do.
  const lefts = await pass
    .locator('.pass-boxes li > span:last-child')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  expect(lefts).toHaveLength(5);
  expect(new Set(lefts).size).toBe(1);
});

test('at 1920×1080 the retry labels of neighbouring tickets on the rail never overlap', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?paused=1&present=1&failure=always&baristas=1');
  for (let i = 0; i < 3; i++)
    await cafe(page)
      .getByRole('button', { name: /Order for a table/ })
      .click();
  const retrying = cafe(page).locator('li.ticket[data-status="retry"]');
  await stepUntil(page, async () => (await retrying.count()) >= 2);
  await expect(retrying.first()).toContainText(/attempt \d+ in/);
  const boxes = await cafe(page)
    .locator('li.ticket .ticket-text')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  const rail = (await cafe(page).locator('[data-zone="rail"]').boundingBox())!;
  for (const [i, a] of boxes.entries()) {
    expect(a.bottom, 'inside the rail').toBeLessThanOrEqual(rail.y + rail.height + 0.5);
    for (const b of boxes.slice(i + 1)) {
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
    }
  }
});
