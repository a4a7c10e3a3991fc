import { expect as baseExpect, test, type FrameLocator, type Page } from '@playwright/test';
import { seriousViolations, watchConsole } from './support';

// #12: the café embedded in a page of ANOTHER origin (e2e/fixtures/serve.mjs, port E2E_PORT + 1),
// driven by the host-side helper (public/embed.js) and the <lambda-cafe> element.

// Cross-origin iframes on a busy 2-core machine: give each wait more room than the default 5 s.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 90_000 });

const port = Number(process.env.E2E_PORT ?? 4173);
const HOST = `http://127.0.0.1:${port + 1}`;

declare global {
  interface Window {
    LambdaCafe: {
      embed(target: string | Element, options?: Record<string, unknown>): EmbeddedCafe;
    };
    cafes: EmbeddedCafe[];
    seen: { name: string; detail: { requestId?: string } }[];
    rogueFrame?: HTMLIFrameElement;
  }
}
interface EmbeddedCafe {
  iframe: HTMLIFrameElement;
  command(name: string, args?: unknown): Promise<unknown>;
  on(name: string, fn: (detail: unknown, name: string) => void): EmbeddedCafe;
}

const customers = (frame: FrameLocator) => frame.locator('li.customer');
const orderSync = (frame: FrameLocator) => frame.getByRole('button', { name: /Order at the counter/ });

const contentHeight = async (frame: FrameLocator) =>
  frame.locator('#root').evaluate((root) => Math.ceil(root.getBoundingClientRect().bottom));

/** The host page with `options` for each café it embeds (into #one, #two). */
async function host(page: Page, ...options: Record<string, unknown>[]) {
  await page.goto(`${HOST}/host.html`);
  await page.evaluate((all) => {
    window.seen = [];
    window.cafes = all.map((o, i) => {
      const cafe = window.LambdaCafe.embed(i === 0 ? '#one' : '#two', { lazy: false, ...o });
      cafe.on('*', (event) => window.seen.push(event as Window['seen'][number]));
      return cafe;
    });
  }, options);
  const frames = options.map((_, i) => page.frameLocator(`#${i === 0 ? 'one' : 'two'} iframe`));
  for (const frame of frames) await expect(orderSync(frame)).toBeVisible();
  return frames;
}

test('a lesson café below the fold takes neither focus nor the scroll from the host page on load', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${HOST}/host.html`);
  await page.evaluate(() => {
    // The tutorial's text first: the café starts well below the fold.
    document.querySelector<HTMLElement>('#one')!.style.marginTop = '2000px';
    window.cafes = [window.LambdaCafe.embed('#one', { lazy: false, lesson: 'receipt' })];
  });
  const frame = page.frameLocator('#one iframe');
  await expect(frame.getByRole('heading', { name: '202 at once' })).toBeAttached();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  // Once the reader works in the café, a new step's heading takes focus there as usual.
  await page.locator('#one iframe').scrollIntoViewIfNeeded();
  await frame.getByRole('radio').first().check();
  await frame.getByRole('button', { name: 'Run it' }).click();
  await frame.getByRole('button', { name: 'Show the result now' }).click();
  await frame.getByRole('button', { name: /Next/ }).click();
  await expect(frame.locator('.lesson-guide h2, .lesson-guide h3').first()).toBeFocused();
});

test('the iframe grows to its content height, and taller content makes a taller iframe', async ({ page }) => {
  const [plain, withPanels] = await host(
    page,
    { paused: 1 },
    { paused: 1, panels: 'timeline,terminal,logs' },
  );
  const heights = async (i: number) =>
    page.evaluate(async (index) => {
      const iframe = window.cafes[index].iframe;
      return { iframe: iframe.getBoundingClientRect().height, set: iframe.style.height };
    }, i);
  // The helper starts at 640 px; the café reports its height and the helper sets it.
  await expect.poll(async () => (await heights(0)).iframe).not.toBe(640);
  await expect
    .poll(async () => Math.abs((await heights(0)).iframe - (await contentHeight(plain))))
    .toBeLessThan(2);
  await expect(
    withPanels.getByRole('region', { name: 'Developer’s view' }).or(withPanels.locator('.dev-view')),
  ).toBeVisible();
  // Chromium pauses rendering (and so ResizeObserver) in a cross-origin frame off screen: the
  // second café reports its full height once it is scrolled to.
  await page.locator('#two iframe').scrollIntoViewIfNeeded();
  await expect
    .poll(async () => Math.abs((await heights(1)).iframe - (await contentHeight(withPanels))))
    .toBeLessThan(2);
  expect((await heights(1)).iframe).toBeGreaterThan((await heights(0)).iframe + 100);
  // No scrollbar inside: the whole café shows.
  const inner = await plain.locator('html').evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(inner).toBeLessThanOrEqual(1);
});

test('order → a reply with the request ids, and invoke.accepted events for them; unknown commands are refused', async ({
  page,
}) => {
  const problems = watchConsole(page);
  const [frame] = await host(page, { paused: 1 });
  const result = (await page.evaluate(() =>
    window.cafes[0].command('order', { kind: 'async', count: 2 }),
  )) as {
    requestIds: string[];
  };
  expect(result.requestIds).toHaveLength(2);
  await expect
    .poll(() => page.evaluate(() => window.seen.filter((e) => e.name === 'invoke.accepted').length))
    .toBe(2);
  const accepted = await page.evaluate(() =>
    window.seen.filter((e) => e.name === 'invoke.accepted').map((e) => e.detail.requestId),
  );
  expect(accepted).toEqual(result.requestIds);
  await expect(customers(frame)).toHaveCount(2);
  const refused = await page.evaluate(() =>
    window.cafes[0].command('brew', {}).then(
      () => 'resolved',
      (error: Error) => error.message,
    ),
  );
  expect(refused).toMatch(/unknown command "brew"/);
  // A terminal line: the reply comes with what it printed.
  const printed = (await page.evaluate(() =>
    window.cafes[0].command('runCommand', { line: 'echo hello from the host' }),
  )) as { output: string };
  expect(printed.output).toBe('hello from the host');
  expect(problems).toEqual([]);
});

test('commands from an origin not in allow, or from a window that is not the parent, are ignored', async ({
  page,
}) => {
  // 1. The host page's origin is not allowed: no reply, nothing happens.
  const [frame] = await host(page, { paused: 1, allow: 'https://example.com', timeout: 1500 });
  const outcome = await page.evaluate(() =>
    window.cafes[0].command('order', { kind: 'sync', count: 3 }).then(
      () => 'resolved',
      (error: Error) => error.message,
    ),
  );
  expect(outcome).toMatch(/did not answer "order" within 1500 ms/);
  await expect(customers(frame)).toHaveCount(0);
  await expect(frame.getByRole('timer')).toHaveAttribute('aria-label', /0:00\.0/);
  expect(await page.evaluate(() => window.seen.length)).toBe(0);

  // 2. The origin is allowed (the default: the embedding page), but the sender is a sibling frame.
  const [own] = await host(page, { paused: 1 });
  await page.evaluate(async (url) => {
    const rogue = document.createElement('iframe');
    rogue.src = url;
    document.body.append(rogue);
    await new Promise((resolve) => rogue.addEventListener('load', resolve));
    window.rogueFrame = rogue;
  }, `${HOST}/rogue.html`);
  await page
    .frameLocator('iframe[src$="rogue.html"]')
    .locator('body')
    .evaluate(() => {
      (window as unknown as { sendToCafe(n: number): void }).sendToCafe(5);
    });
  await page.waitForTimeout(500);
  await expect(customers(own)).toHaveCount(0);
  // The same command from the parent runs: the channel itself works.
  await page.evaluate(() => window.cafes[0].command('order', { kind: 'sync' }));
  await expect(customers(own)).toHaveCount(1);
});

test('two cafés on one page keep their own state and their own keys', async ({ page }) => {
  const [first, second] = await host(page, { paused: 1 }, { paused: 1, seed: 9 });
  await page.evaluate(() => window.cafes[0].command('order', { kind: 'sync' }));
  await expect(customers(first)).toHaveCount(1);
  await expect(customers(second)).toHaveCount(0);
  // Keys go to the café they are pressed in.
  await second.getByRole('timer').click();
  await page.keyboard.press('a');
  await expect(customers(second)).toHaveCount(1);
  await expect(customers(first)).toHaveCount(1);
  await first.getByRole('timer').click();
  await page.keyboard.press('s');
  await expect(customers(first)).toHaveCount(2);
  await expect(customers(second)).toHaveCount(1);
});

test('<lambda-cafe> renders, its cafés are independent, and no style leaks into or out of it', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto(`${HOST}/component.html`);
  const first = page.frameLocator('#first iframe');
  const second = page.frameLocator('#second iframe');
  await expect(orderSync(first)).toBeVisible();
  await expect(orderSync(second)).toBeVisible();
  // The host's `* { color: red; font-size: 40px }` does not reach the café…
  const button = await orderSync(first).evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, fontSize: s.fontSize };
  });
  expect(button.color).not.toBe('rgb(255, 0, 0)');
  expect(button.fontSize).not.toBe('40px');
  // …and the café's .btn / .narration styles do not reach the host's elements of those classes.
  for (const id of ['#host-button', '#host-text']) {
    const style = await page.locator(id).evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, fontSize: s.fontSize, background: s.backgroundColor };
    });
    expect(style.color).toBe('rgb(255, 0, 0)');
    expect(style.fontSize).toBe('40px');
  }
  // The iframe sits in the element's shadow root, sized by the café.
  expect(await page.locator('#first').evaluate((el) => el.shadowRoot?.querySelector('iframe') !== null)).toBe(
    true,
  );
  await expect
    .poll(() => page.locator('#first').evaluate((el) => el.getBoundingClientRect().height))
    .not.toBe(640);
  // Independent: a command to one element, a key in the other.
  await page.evaluate(() =>
    customElements
      .whenDefined('lambda-cafe')
      .then(() =>
        (document.getElementById('first') as unknown as EmbeddedCafe).command('order', { kind: 'sync' }),
      ),
  );
  await expect(customers(first)).toHaveCount(1);
  await expect(customers(second)).toHaveCount(0);
  await second.getByRole('timer').click();
  await page.keyboard.press('a');
  await expect(customers(second)).toHaveCount(1);
  await expect(customers(first)).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('bad parameters are named in the café, which starts with the defaults', async ({ page }) => {
  await page.goto(
    '/embed.html?paused=1&panels=terminal,fridge&controls=huge&theme=neon&speed=3&allow=javascript:alert(1)',
  );
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('panels="terminal,fridge": "fridge" unknown');
  await expect(notice).toContainText('controls="huge" must be one of full, minimal, none; using full');
  await expect(notice).toContainText('theme="neon" must be one of light, dark, auto; using auto');
  await expect(notice).toContainText('speed="3"');
  await expect(notice).toContainText('allow: "javascript:alert(1)" is not an origin');
  // Defaults: full controls (the Present button is there); the valid panel is shown.
  await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
  await expect(page.locator('.dev-view')).toBeVisible();
});

test('controls=none hides the bar and its keys; theme=dark is dark whatever the host prefers', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/embed.html?paused=1&controls=none&theme=dark');
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(orderSync(page as unknown as FrameLocator)).toBeHidden();
  await page.getByRole('timer').click();
  await page.keyboard.press('s');
  await page.waitForTimeout(300);
  await expect(page.locator('li.customer')).toHaveCount(0);
  const background = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(200);
});

test('hundreds of malformed messages from the host never throw and never run a command', async ({ page }) => {
  const problems = watchConsole(page);
  const [frame] = await host(page, { paused: 1 });
  const frameErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && frameErrors.push(m.text()));
  const replies = await page.evaluate(async () => {
    const target = window.cafes[0].iframe.contentWindow!;
    const got: { ok: boolean; error?: string }[] = [];
    window.addEventListener('message', (e) => {
      if (e.source === target && e.data?.type === 'reply') got.push(e.data);
    });
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    const junk = () =>
      pick<unknown>([
        null,
        0,
        -1,
        1.5,
        NaN,
        '',
        'order',
        [],
        [1, 2],
        {},
        { a: 1 },
        true,
        'x'.repeat(5000),
        '__proto__',
      ]);
    // Each message is a valid command with at least one corruption that makes it invalid.
    const corruptions: ((m: Record<string, unknown>) => void)[] = [
      (m) => (m.source = pick(['lambda', 'LAMBDA-CAFE', junk()])),
      (m) => (m.version = pick([0, 2, '1', null, junk()])),
      (m) => (m.type = pick(['Command', 'reply', 'event', junk()])),
      (m) => (m.id = pick(['', 'x'.repeat(101), 1.5, null, {}, []])),
      (m) => (m.command = pick(['orders', 'eval', 'constructor', '__proto__', 'toString', junk()])),
      (m) => (m.args = pick(['sync', 5, [], true])),
      (m) => (m.args = { kind: pick(['latte', 'SYNC', '', junk()]) }),
      (m) => (m.args = { kind: 'sync', count: pick([0, 51, 2.5, -1, '3', junk()]) }),
      (m) => (m.args = { kind: 'sync', extra: junk() }),
    ];
    for (let i = 0; i < 300; i++) {
      let message: unknown;
      if (i % 5 === 0) message = junk();
      else {
        const m: Record<string, unknown> = {
          source: 'lambda-cafe',
          version: 1,
          type: 'command',
          id: 'f' + i,
          command: 'order',
          args: { kind: 'sync' },
        };
        const n = 1 + Math.floor(rnd() * 3);
        for (let k = 0; k < n; k++) pick(corruptions)(m);
        message = m;
      }
      target.postMessage(message, '*');
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return got;
  });
  expect(replies.length).toBeGreaterThan(50);
  expect(replies.every((r) => r.ok === false && typeof r.error === 'string')).toBe(true);
  await expect(customers(frame)).toHaveCount(0);
  await expect(frame.getByRole('timer')).toHaveAttribute('aria-label', /0:00\.0/);
  expect(problems).toEqual([]);
  expect(frameErrors).toEqual([]);
  // Still serving: a good command after the storm runs.
  await page.evaluate(() => window.cafes[0].command('order', { kind: 'sync' }));
  await expect(customers(frame)).toHaveCount(1);
});

for (const theme of ['light', 'dark']) {
  test(`embed.html with a lesson and panels is axe clean (${theme})`, async ({ page }) => {
    await page.goto(`/embed.html?paused=1&lesson=receipt&panels=terminal,logs&theme=${theme}`);
    await expect(page.locator('.lesson-guide')).toBeVisible();
    await expect(page.locator('.dev-view')).toBeVisible();
    await page.waitForTimeout(500);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('goToStep opens a lesson step and step.changed arrives; an unknown lesson is refused', async ({
  page,
}) => {
  const [frame] = await host(page, { paused: 1 });
  await page.evaluate(() => window.cafes[0].command('goToStep', { lesson: 'receipt', step: 2 }));
  await expect(frame.locator('.lesson-guide')).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => window.seen.filter((e) => e.name === 'step.changed').map((e) => e.detail)),
    )
    .toContainEqual(expect.objectContaining({ lessonId: 'receipt', step: 2 }));
  const refused = await page.evaluate(() =>
    window.cafes[0].command('goToStep', { lesson: 'no-such-lesson' }).then(
      () => 'resolved',
      (error: Error) => error.message,
    ),
  );
  expect(refused).not.toBe('resolved');
});

test('the README snippets work as written (script helper, plain iframe, element)', async ({ page }) => {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  await page.goto(`${HOST}/readme/0.html`);
  const helper = page.frameLocator('iframe');
  await expect(customers(helper)).toHaveCount(1);
  await expect.poll(() => logs.some((l) => l.startsWith('ordered'))).toBe(true);
  await expect.poll(() => logs.some((l) => l.startsWith('accepted'))).toBe(true);

  await page.goto(`${HOST}/readme/1.html`);
  await expect(orderSync(page.frameLocator('iframe'))).toBeVisible();
  await expect(page.frameLocator('iframe').locator('.lesson-guide')).toBeVisible();

  await page.goto(`${HOST}/readme/2.html`);
  await expect(orderSync(page.frameLocator('lambda-cafe iframe'))).toBeVisible();
});

test('the Embed dialog writes snippets for this café that work on another origin; Escape closes it', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/?paused=1&seed=7&failure=always');
  await page.locator('summary', { hasText: 'Kitchen' }).click();
  const open = page.getByRole('button', { name: 'Embed this café in a page…' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Embed this café' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Terminal' }).check();
  // A key typed in the dialog is the dialog's, not the café's.
  await page.keyboard.press('s');
  await expect(page.locator('section.cafe li.customer')).toHaveCount(0);
  const iframe = await dialog.getByLabel('An iframe (no script)').inputValue();
  expect(iframe).toContain(
    `http://127.0.0.1:${port}/embed.html?seed=7&amp;failure=always&amp;panels=terminal`,
  );
  const element = await dialog.getByLabel('The <lambda-cafe> element (sizes itself)').inputValue();
  expect(element).toBe(
    `<script src="http://127.0.0.1:${port}/lambda-cafe.js"></script>\n<lambda-cafe seed="7" failure="always" panels="terminal"></lambda-cafe>`,
  );
  expect(await seriousViolations(page, '.embed-dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  expect(problems).toEqual([]);

  // The iframe snippet, pasted into a page of another origin, opens this café's settings.
  await page.goto(`${HOST}/host.html`);
  await page.evaluate(
    (html) => document.getElementById('one')!.insertAdjacentHTML('beforeend', html),
    iframe,
  );
  const pasted = page.frameLocator('#one iframe');
  await expect(pasted.locator('.dev-view')).toBeVisible();
  await expect(orderSync(pasted)).toBeVisible();
  await expect(pasted.getByRole('alert')).toHaveCount(0);
});
