import { test, expect, type Page } from '@playwright/test';
import { cafe, clockSeconds, seriousViolations, stepButton, stepUntil, watchConsole } from './support';

// A student's journeys through the café. Every test starts paused (?paused=1) and moves the
// model with Step, so what we assert is the model's order of events, not a race with the clock.

const customer = (page: Page, n: number) => cafe(page).locator(`li.customer[data-customer="${n}"]`);
const counterLine = (page: Page) => page.getByRole('list', { name: 'Waiting at the counter' });
const responded = (page: Page) => page.getByRole('list', { name: 'Got their response' });
const tables = (page: Page) => page.getByRole('list', { name: 'Seated asynchronous customers' });
const rail = (page: Page) => page.getByRole('list', { name: 'Queued events' });

test('a synchronous order keeps its customer at the counter until the run ends, then shows 200', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/?paused=1');
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();

  await expect(counterLine(page).locator('li.customer[data-customer="1"]')).toHaveAttribute(
    'data-status',
    'waiting',
  );
  await expect(page.getByTestId('narration')).toContainText('Customer 1 is waiting at the counter');

  // Step through the cold start and the 5 s run: the customer stays blocked at the counter throughout.
  let steps = 0;
  while ((await customer(page, 1).getAttribute('data-status')) === 'waiting') {
    await expect(counterLine(page).locator('li.customer[data-customer="1"]')).toBeVisible();
    expect(await clockSeconds(page)).toBeLessThan(5.25);
    await cafe(page).getByRole('button', { name: 'Step', exact: true }).click();
    expect(++steps).toBeLessThan(20);
  }
  const served = responded(page).locator('li.customer[data-customer="1"]');
  await expect(served).toHaveAttribute('data-status', 'served');
  await expect(served).toContainText('200');
  // Blocked for the whole run: Init (~250 ms) + the 5 s handler.
  expect(await clockSeconds(page)).toBeGreaterThanOrEqual(5.2);
  await expect(served).toContainText(/blocked 5\.\d s/);
  await expect(page.getByTestId('narration')).toContainText('Customer 1 got 200 with the result');
  // The café says where it is simpler than Lambda, including why the timeout is not 3 s.
  await cafe(page).getByText('What this café simplifies').click();
  await expect(cafe(page).locator('.simplifications')).toContainText('10 s timeout');
  expect(problems).toEqual([]);
});

test('an asynchronous order gets 202 and a seat before the coffee is made, and never the result', async ({
  page,
}) => {
  await page.goto('/?paused=1');
  await cafe(page)
    .getByRole('button', { name: /Order for a table/ })
    .click();

  // At virtual time 0 the customer is already seated with 202, while a barista is still starting.
  const seated = tables(page).locator('li.customer[data-customer="1"]');
  await expect(seated).toHaveAttribute('data-status', 'seated');
  await expect(seated).toContainText('202');
  expect(await clockSeconds(page)).toBe(0);
  await expect(cafe(page).locator('li.station[data-state="initializing"]')).toHaveCount(1);
  await expect(page.getByTestId('narration')).toContainText('Customer 1 got 202 Accepted and sat down');

  await cafe(page).getByRole('button', { name: 'Step', exact: true }).click(); // Init done: the drink starts
  await expect(seated).toContainText('free: 0 tasks done');
  await stepUntil(page, async () => (await customer(page, 1).getAttribute('data-status')) !== 'seated');
  await expect(seated).toHaveAttribute('data-status', 'effect');
  // The receipt still says 202 (it only ever meant "queued"); where the result went is apart from it.
  await expect(seated.locator('.badge')).toHaveText('202');
  await expect(seated.locator('.outcome-tag')).toContainText('result → nobody');
  await expect(seated).toContainText('the result reached nobody (no OnSuccess destination)');
  await expect(seated).not.toContainText(/logs?/);
  await expect(seated.locator('.customer-cup')).toHaveCount(0); // no cup reaches an async caller
  await expect(cafe(page).locator('li[data-box="nobody"]')).toContainText(': 1');
  // Seated the whole time: its event took ~5 s, and the caller was blocked for none of it.
  await expect(page.getByTestId('free-total')).toContainText(/^5\.\d s/);
  await expect(page.getByTestId('async-blocked-total')).toHaveText('0.0 s');
  await expect(page.getByTestId('blocked-total')).toHaveText('0.0 s');
});

test('beyond the concurrency limit a sync order gets 429 at once while an async order waits on the rail', async ({
  page,
}) => {
  await page.goto('/?paused=1&baristas=1');
  const c = cafe(page);
  await c.getByRole('button', { name: /Order at the counter/ }).click(); // takes the only barista
  await c.getByRole('button', { name: /Order for a table/ }).click();
  await c.getByRole('button', { name: /Order at the counter/ }).click();

  const turnedAway = responded(page).locator('li.customer[data-customer="3"]');
  await expect(turnedAway).toHaveAttribute('data-status', 'turnedAway');
  await expect(turnedAway).toContainText('429');
  await expect(turnedAway).toContainText('TooManyRequestsException');
  await expect(page.getByTestId('narration')).toContainText('429 Too Many Requests');

  // The async one was accepted (202) and its ticket waits on the rail for the barista.
  await expect(tables(page).locator('li.customer[data-customer="2"]')).toContainText('202');
  await expect(rail(page).locator('li.ticket[data-customer="2"]')).toBeVisible();
  expect(await clockSeconds(page)).toBe(0);

  // When the barista is free, the waiting ticket is made: nothing was lost.
  await stepUntil(page, async () => (await customer(page, 2).getAttribute('data-status')) === 'effect');
  await expect(rail(page).locator('li.ticket')).toHaveCount(0);
});

test('a failing async order is retried after 1 and 2 minutes, then lands in the OnFailure box', async ({
  page,
}) => {
  await page.goto('/?paused=1&failure=always');
  await cafe(page)
    .getByRole('button', { name: /Order for a table/ })
    .click();

  const ticket = rail(page).locator('li.ticket[data-customer="1"]');
  await stepUntil(page, async () => (await ticket.count()) > 0);
  await expect(ticket).toHaveAttribute('data-status', 'retry');
  await expect(ticket).toContainText(/attempt 2 in (59|1 min)/);
  await expect(page.getByTestId('narration')).toContainText('retry in 1 min');

  await stepUntil(page, async () => /attempt 3/.test((await ticket.allTextContents()).join(' ')));
  await expect(page.getByTestId('narration')).toContainText('retry in 2 min');

  const box = cafe(page).locator('li[data-box="onfailure"]');
  await stepUntil(page, async () => ((await box.textContent()) ?? '').trim().endsWith(': 1'));
  await expect(box).toContainText('OnFailure destination: 1');
  await expect(customer(page, 1)).toHaveAttribute('data-status', 'failed');
  await expect(customer(page, 1)).toContainText('RetriesExhausted');
  // Three attempts: ~5 s + 1 min + ~5 s + 2 min + ~5 s.
  expect(await clockSeconds(page)).toBeGreaterThan(195);
});

test('pause holds the clock still and Step moves it to the next model event', async ({ page }) => {
  await page.goto('/?speed=64');
  const c = cafe(page);
  await c.getByRole('button', { name: /Order at the counter/ }).click();
  await expect.poll(() => clockSeconds(page)).toBeGreaterThan(0.5);
  await c.getByRole('button', { name: 'Pause' }).click();
  const paused = await clockSeconds(page);
  await page.waitForTimeout(400);
  expect(await clockSeconds(page)).toBe(paused);

  await c.getByRole('button', { name: 'Step', exact: true }).click();
  const stepped = await clockSeconds(page);
  expect(stepped).toBeGreaterThan(paused);
  await page.waitForTimeout(300);
  expect(await clockSeconds(page)).toBe(stepped); // Step leaves it paused

  await c.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => clockSeconds(page)).toBeGreaterThan(stepped);
});

test('the keyboard alone can order, step, change speed, pause, reset and open the help', async ({ page }) => {
  await page.goto('/?paused=1');
  // The skip link is the first stop and lands in the café, where the keys act.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the café' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cafe(page)).toBeFocused();

  await page.keyboard.press('s');
  await page.keyboard.press('a');
  await expect(customer(page, 1)).toHaveAttribute('data-status', 'waiting');
  await expect(customer(page, 2)).toHaveAttribute('data-status', 'seated');
  await page.keyboard.press('Shift+A');
  await expect(cafe(page).locator('li.customer')).toHaveCount(7);

  await page.keyboard.press('n');
  expect(await clockSeconds(page)).toBeGreaterThan(0);
  await page.keyboard.press('+');
  await expect(cafe(page).getByLabel('Speed', { exact: true })).toHaveValue('2');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(cafe(page).getByLabel('Speed', { exact: true })).toHaveValue('0.5');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Step to the next model event');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('k'); // play
  await expect(cafe(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('k');
  await expect(cafe(page).getByRole('button', { name: 'Play' })).toBeVisible();

  await page.keyboard.press('r');
  await expect(cafe(page).locator('li.customer')).toHaveCount(0);
  expect(await clockSeconds(page)).toBe(0);

  // Every control is reachable with Tab and has a visible focus.
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .focus();
  await page.keyboard.press('Enter');
  await expect(customer(page, 1)).toBeVisible();
});

test('typing in the seed field does not trigger shortcuts, and a bad seed is refused where it was typed', async ({
  page,
}) => {
  await page.goto('/?paused=1&seed=7');
  await cafe(page).getByText('Kitchen', { exact: true }).click();
  const seed = cafe(page).getByLabel('Seed');
  await expect(seed).toHaveValue('7');
  await seed.fill('');
  await seed.pressSequentially('sa-1');
  await page.keyboard.press('Enter');
  await expect(cafe(page).getByRole('alert')).toContainText('"sa-1" is not a seed');
  await expect(cafe(page).locator('li.customer')).toHaveCount(0);
  await seed.fill('123');
  await page.keyboard.press('Enter');
  await expect(cafe(page).getByRole('alert')).toHaveCount(0);
});

test('bad URL parameters are named in a notice and the café starts with defaults', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`/?paused=1&speed=7&baristas=lots&colour=red&failure=${'x'.repeat(12_000)}`);
  const notice = cafe(page).getByRole('alert');
  await expect(notice).toContainText('speed="7"');
  await expect(notice).toContainText('baristas="lots"');
  await expect(notice).toContainText('"colour"');
  // A huge bad value is quoted in part: the notice stays a few lines high (#15).
  await expect(notice).toContainText('(12000 characters)');
  expect((await notice.boundingBox())!.height).toBeLessThan(200);
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  await expect(customer(page, 1)).toHaveAttribute('data-status', 'waiting');
  expect(problems).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in a busy café (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/?paused=1&baristas=1&failure=always');
    const c = cafe(page);
    await c.getByRole('button', { name: /Order at the counter/ }).click();
    await c.getByRole('button', { name: /Order for a table/ }).click();
    await c.getByRole('button', { name: /Order at the counter/ }).click();
    await c.getByRole('button', { name: 'Step', exact: true }).click();
    await c.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForTimeout(500); // let entry fades finish: axe reads mid-fade colours
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('with reduced motion every end state is still reached and shown', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?paused=1&speed=64&failure=always&baristas=1');
  const c = cafe(page);
  await c.getByRole('button', { name: /Order at the counter/ }).click();
  await c.getByRole('button', { name: /Order for a table/ }).click();
  await c.getByRole('button', { name: /Order at the counter/ }).click();
  await expect(customer(page, 3)).toHaveAttribute('data-status', 'turnedAway');
  await c.getByRole('button', { name: 'Play' }).click();
  await expect(customer(page, 1)).toHaveAttribute('data-status', 'error', { timeout: 10_000 });
  await expect(customer(page, 1)).toContainText('FunctionError');
  await expect(c.locator('li[data-box="onfailure"]')).toContainText('OnFailure destination: 1', {
    timeout: 15_000,
  });
  await expect(customer(page, 2)).toHaveAttribute('data-status', 'failed');
  // framer-motion honours the setting: nothing is mid-transform.
  const transforms = await c
    .locator('li.customer')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).transform));
  expect(transforms.every((t) => t === 'none')).toBe(true);
});

test('step back replays the model to the previous event; stepping forward again re-does the recorded orders', async ({
  page,
}) => {
  await page.goto('/?paused=1');
  const c = cafe(page);
  await c.getByRole('button', { name: /Order at the counter/ }).click();
  await stepUntil(page, async () => (await customer(page, 1).getAttribute('data-status')) === 'served');
  const end = await clockSeconds(page);
  await c.getByRole('button', { name: /Order for a table/ }).click(); // customer 2 at the end

  await c.getByRole('button', { name: 'Step back' }).click();
  await expect(customer(page, 1)).toHaveAttribute('data-status', 'waiting');
  expect(await clockSeconds(page)).toBeLessThan(end);
  await expect(customer(page, 2)).toHaveCount(0);
  await expect(c.getByText(/In the past/)).toBeVisible();

  await c.focus();
  await page.keyboard.press('ArrowLeft'); // back again, by key
  expect(await clockSeconds(page)).toBeLessThan(end);

  // Forward again: the recorded future (the 200, then customer 2's order) comes back.
  await stepUntil(page, async () => (await customer(page, 2).count()) > 0);
  await expect(customer(page, 1)).toHaveAttribute('data-status', 'served');
  await expect(customer(page, 2)).toHaveAttribute('data-status', 'seated');
  await expect(c.getByText(/In the past/)).toHaveCount(0);
});

test('on a 390 px phone the page stacks without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?paused=1');
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  await cafe(page)
    .getByRole('button', { name: /Order for a table/ })
    .click();
  await page.getByRole('tab', { name: 'CloudWatch logs' }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('with an OnSuccess destination the cup goes to the destination at the pass, not to the table', async ({
  page,
}) => {
  await page.goto('/?paused=1&onsuccess=1');
  await cafe(page)
    .getByRole('button', { name: /Order for a table/ })
    .click();
  await stepUntil(page, async () => (await customer(page, 1).getAttribute('data-status')) === 'effect');
  await expect(customer(page, 1)).toContainText('Result sent to the OnSuccess destination');
  await expect(customer(page, 1).locator('.outcome-tag')).toContainText('result → OnSuccess');
  // Lambda does not bring the result to the caller: no cup at the table, one on the OnSuccess tray.
  await expect(customer(page, 1).locator('.customer-cup')).toHaveCount(0);
  await expect(cafe(page).locator('li[data-box="onsuccess"]')).toContainText('OnSuccess destination: 1');
  await expect(cafe(page).locator('li[data-box="nobody"]')).toContainText(': 0');
});

test('issue #15: events waiting on the rail when the baristas go to 0 leave it for OnFailure (none stays waiting)', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/?baristas=1&speed=64&paused=1');
  const c = cafe(page);
  await c.getByRole('button', { name: 'Rush ×5 async' }).click();
  // One barista takes #1; the four others wait on the rail (Lambda's queue).
  await expect(c.locator('[data-zone="rail"] li.ticket')).toHaveCount(4);
  await c.getByText('Kitchen', { exact: true }).click();
  await c.getByRole('combobox', { name: /Baristas allowed/ }).selectOption('0');
  await c.getByText('Kitchen', { exact: true }).click();
  await c.getByRole('button', { name: 'Play' }).click();
  // Reserved concurrency 0: Lambda sends queued events to OnFailure without an attempt (since Aug 2021).
  await expect(c.locator('li[data-box="onfailure"]')).toContainText('OnFailure destination: 4', {
    timeout: 15_000,
  });
  await expect(c.locator('[data-zone="rail"] li.ticket')).toHaveCount(0);
  await expect(c.locator('li[data-box="nobody"]')).toContainText('1'); // #1 had already started: it ran
  expect(problems).toEqual([]);
});

test('each look of a figure is drawn once, in a hidden sprite every figure of that look uses', async ({
  page,
}) => {
  await page.goto('/?paused=1');
  await cafe(page).press('Shift+S');
  await cafe(page).press('Shift+A');
  await stepUntil(page, async () => (await customer(page, 10).getAttribute('data-status')) === 'seated');
  const drawn = await page.evaluate(() => {
    const sprite = document.getElementById('lc-art-sprite');
    const looks = [...(sprite?.querySelectorAll('defs > g[id]') ?? [])].map((g) => g.id);
    const uses = [...document.querySelectorAll('.scene svg.lc-art use')].map((u) => u.getAttribute('href'));
    return {
      hidden: sprite?.getAttribute('aria-hidden'),
      box: sprite ? [sprite.getBoundingClientRect().width, sprite.getBoundingClientRect().height] : [],
      looks,
      uses,
      drawnParts: looks.map(
        (id) => document.getElementById(id)?.querySelectorAll('path, circle, rect').length,
      ),
      unresolved: uses.filter((href) => !href || !document.querySelector(href)),
    };
  });
  // Ten customers and their baristas are on screen, each a <use> of a look in the sprite.
  expect(drawn.uses.length).toBeGreaterThanOrEqual(10);
  expect(drawn.unresolved).toEqual([]);
  expect(new Set(drawn.looks).size).toBe(drawn.looks.length);
  for (const href of drawn.uses) expect(drawn.looks).toContain(href!.slice(1));
  for (const parts of drawn.drawnParts) expect(parts).toBeGreaterThan(3);
  // The sprite itself takes no room and is not read out.
  expect(drawn.hidden).toBe('true');
  expect(drawn.box).toEqual([0, 0]);
});

for (const [size, width, height, query] of [
  ['390 px phone', 390, 844, ''],
  ['1280×800 laptop', 1280, 800, ''],
  ['1920×1080 presenter', 1920, 1080, '&present=1'],
] as const) {
  test(`on a ${size} a waiting caller's "Blocked …" bubble stays inside its own card`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto(`/?paused=1&baristas=3${query}`);
    for (let i = 0; i < 3; i++)
      await cafe(page)
        .getByRole('button', { name: /Order at the counter/ })
        .click();
    await stepButton(page).click();
    await stepButton(page).click();
    const waiting = cafe(page).locator('li.customer[data-status="waiting"]');
    await expect(waiting).toHaveCount(3);
    await expect(waiting.first().getByTestId('wait-bubble')).toContainText(/^Blocked \d/);
    const spill = await waiting.evaluateAll((cards) =>
      cards.flatMap((card) => {
        const c = card.getBoundingClientRect();
        const b = card.querySelector('[data-testid="wait-bubble"]')!.getBoundingClientRect();
        return b.left < c.left - 0.5 || b.right > c.right + 0.5
          ? [`${card.textContent}: ${b.right} > ${c.right}`]
          : [];
      }),
    );
    expect(spill).toEqual([]);
  });
}
