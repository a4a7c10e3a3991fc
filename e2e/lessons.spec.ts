import { test, expect, type Page } from '@playwright/test';
import { cafe, seriousViolations, watchConsole } from './support';

// A student's way through the guided lessons: guess, run, watch, explanation; by keyboard
// alone, on a phone, with progress kept across a reload, and from a link to one step.

const guide = (page: Page) => page.getByRole('region', { name: 'Lessons' });
const card = (page: Page) => guide(page).locator('article.lesson-card');
const result = (page: Page) => card(page).locator('.lesson-result');

/** Presses Tab until the focused element is the one named (a keyboard user's way), at most 40 times. */
async function tabTo(page: Page, name: string | RegExp) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.closest('label')?.textContent ?? '';
      return `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''} ${label}`.trim();
    });
    if (typeof name === 'string' ? focused.includes(name) : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/** One step by keyboard: Tab into the choices, pick `arrows` down from the first, run, show the result at once. */
async function doStepByKeyboard(page: Page, title: string, arrows: number, verdict: RegExp) {
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(card(page).getByRole('heading', { level: 2 })).toBeFocused();
  // From the step's heading, Tab reaches the guesses: a radio group (Space picks, arrows move).
  await page.keyboard.press('Tab');
  await expect(card(page).getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Space');
  for (let i = 0; i < arrows; i++) await page.keyboard.press('ArrowDown');
  await tabTo(page, 'Run it');
  await page.keyboard.press('Enter');
  await expect(card(page).getByRole('button', { name: 'Show the result now' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(result(page).getByRole('heading', { level: 3 })).toHaveText(verdict);
  await tabTo(page, /Next step|Finish the lesson/);
  await page.keyboard.press('Enter');
}

test('a student completes the first two lessons by keyboard alone', async ({ page }) => {
  // Two whole lessons, each control reached by Tab: a long journey on a busy two-core machine.
  test.setTimeout(90_000);
  const problems = watchConsole(page);
  await page.goto('/');
  await tabTo(page, 'Start the lessons');
  await page.keyboard.press('Enter');
  await expect(guide(page).getByRole('heading', { name: 'Lessons' })).toBeFocused();
  await tabTo(page, '1. Waiting at the counter');
  await page.keyboard.press('Enter');

  await doStepByKeyboard(page, 'A customer at the counter', 1, /^Right: About 5 seconds/);
  await doStepByKeyboard(page, 'What comes back', 0, /^Right: HTTP 200/);
  await expect(guide(page).getByRole('heading', { name: 'End of “Waiting at the counter”' })).toBeFocused();
  await tabTo(page, 'Next lesson: Taking a receipt');
  await page.keyboard.press('Enter');

  await doStepByKeyboard(page, '202 at once', 0, /^Right: At once: 202 Accepted/);
  await doStepByKeyboard(
    page,
    'The event waits in Lambda’s queue',
    2,
    /^Right: Its ticket waits on the rail/,
  );
  await doStepByKeyboard(page, 'Free to go, and no result', 2, /^Right: Nowhere/);
  await expect(guide(page).getByRole('heading', { name: 'End of “Taking a receipt”' })).toBeFocused();

  await tabTo(page, 'All lessons');
  await page.keyboard.press('Enter');
  const items = guide(page).locator('.lesson-item');
  await expect(items.nth(0)).toContainText('✓ done');
  await expect(items.nth(1)).toContainText('✓ done');
  await expect(items.nth(2)).toContainText('0 of 1 step done');
  expect(problems).toEqual([]);
});

test('a wrong prediction shows its own explanation, then the right answer, after the run', async ({
  page,
}) => {
  await page.goto('/?lesson=counter&step=1');
  await expect(cafe(page).locator('.scene')).toHaveAttribute('data-highlight', 'counter');
  await card(page).getByText('No time: the order is taken and the customer leaves').click();
  // A guess first: running is what checks it.
  await expect(result(page)).toHaveCount(0);
  await card(page).getByRole('button', { name: 'Run it' }).click();
  await card(page).getByRole('button', { name: 'Show the result now' }).click();
  await expect(result(page).getByRole('heading')).toHaveText(
    'Not quite: you chose “No time: the order is taken and the customer leaves”',
  );
  await expect(result(page)).toContainText('That is an asynchronous call.');
  await expect(result(page)).toContainText('The answer: About 5 seconds: until the function returns.');
  // The run really happened: the café's narration says how long the customer was blocked.
  await expect(page.getByTestId('narration')).toContainText('Customer 1 got 200 with the result');
  await expect(page.getByTestId('narration')).toContainText('after being blocked 5.3 s');
  await expect(card(page).getByRole('radio', { name: /About 5 seconds/ })).toBeDisabled();
  await expect(card(page).getByText('✓ right answer')).toBeVisible();
  await expect(card(page).getByText('✗ your guess')).toBeVisible();
  // Screen readers hear the result.
  await expect(card(page).getByRole('status')).toContainText('Not quite');
});

test('running without a guess asks for one first', async ({ page }) => {
  await page.goto('/?lesson=receipt&step=1');
  await card(page).getByRole('button', { name: 'Run it' }).click();
  await expect(card(page).getByText('Make your guess first')).toBeVisible();
  await expect(card(page).getByRole('radio').first()).toBeFocused();
  await expect(cafe(page).getByRole('timer')).toHaveAttribute('aria-label', /0:00\.0/);
});

test('the quiz scores the first answer to each question and reviews them at the end', async ({ page }) => {
  // Ten questions answered and reviewed.
  test.setTimeout(90_000);
  await page.goto('/?lesson=quiz');
  const answers = [
    'It waits, blocked, until the function returns', // right
    '{ "StatusCode": 200 } once the function has run', // wrong
    'RequestResponse', // right
    'In the function’s CloudWatch Logs', // wrong
    'Retries it up to two more times', // right
    'After about 3 s: “Task timed out”', // right
    'An S3 event notification for a new object', // right
    'Retries and at-least-once delivery', // right
    'Each request gets its own log group', // wrong
    'Immediate acknowledgement (202)', // right
  ];
  for (const [i, answer] of answers.entries()) {
    await expect(card(page).locator('.lesson-crumb')).toContainText(`question ${i + 1} of 10`);
    await card(page).getByText(answer).click();
    await card(page).getByRole('button', { name: 'Check my answer' }).click();
    await expect(result(page).getByRole('heading')).toHaveText(/^(Right|Not quite)/);
    await expect(card(page).getByTestId('quiz-score')).toContainText(`of ${i + 1} answered`);
    await card(page)
      .getByRole('button', { name: i === answers.length - 1 ? 'See your score →' : 'Next question →' })
      .click();
  }
  await expect(guide(page).getByTestId('quiz-final-score')).toHaveText('Your score: 7 of 10.');
  await expect(guide(page).locator('.lesson-review li[data-correct="false"]')).toHaveCount(3);
  expect(await seriousViolations(page, '.lesson-guide')).toEqual([]);

  // Back through the questions; the answers are kept, and only the first one counts.
  await guide(page).getByRole('button', { name: '← Last step' }).click();
  await card(page).getByRole('button', { name: '← Previous question' }).click();
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('Tracing one execution');
  await page.goto('/?lesson=quiz&step=2');
  await card(page).getByText('{ "StatusCode": 202 }, at once').click();
  await card(page).getByRole('button', { name: 'Check my answer' }).click();
  await expect(card(page).getByText('Only your first answer to a question counts')).toBeVisible();
  await expect(card(page).getByTestId('quiz-score')).toContainText('7 right of 10 answered');
});

test('progress survives a reload: continue where you left off; unreadable saved data gets a notice', async ({
  page,
}) => {
  await page.goto('/?lesson=receipt&step=2');
  await card(page).getByText('Its ticket waits on the rail').click();
  await card(page).getByRole('button', { name: 'Run it' }).click();
  await card(page).getByRole('button', { name: 'Show the result now' }).click();
  await expect(result(page)).toBeVisible();

  await page.goto('/');
  await cafe(page).getByRole('button', { name: 'Continue the lessons' }).click();
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('The event waits in Lambda’s queue');
  await card(page).getByRole('button', { name: 'All lessons' }).click();
  await expect(guide(page).locator('.lesson-item').nth(1)).toContainText('1 of 3 steps done');
  await expect(
    guide(page).getByRole('button', { name: /^Continue where you left off: Taking a receipt, step 2/ }),
  ).toBeVisible();

  // Reset, with a confirmation.
  await guide(page).getByRole('button', { name: 'Reset progress' }).click();
  await guide(page).getByRole('button', { name: 'Yes, reset' }).click();
  await expect(guide(page).locator('.lesson-item').nth(1)).toContainText('0 of 3 steps done');
  await expect(guide(page).getByRole('button', { name: 'Reset progress' })).toBeFocused();

  await page.evaluate(() => localStorage.setItem('lambda-cafe.lessons', '{"state": {"done": [1, 2'));
  await page.reload();
  await cafe(page).getByRole('button', { name: 'Start the lessons' }).click();
  await expect(guide(page).getByRole('status')).toContainText('could not be read');
  await expect(guide(page).locator('.lesson-item').first()).toContainText('0 of 2 steps done');
});

test('a deep link opens its step, paused at its start; an unknown lesson or step shows a message and the list', async ({
  page,
}) => {
  await page.goto('/?lesson=misconceptions&step=3');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText(
    '“My 5 s handler fits the default timeout”',
  );
  await expect(card(page).locator('.lesson-crumb')).toHaveText(
    'Lesson 7 of 8: Four misconceptions · step 3 of 4',
  );
  await expect(cafe(page).getByRole('timer')).toHaveAttribute('aria-label', /0:00\.0/);
  await expect(cafe(page).locator('.scene')).toHaveAttribute('data-highlight', 'baristas');

  await page.goto('/?lesson=nope&step=2');
  await expect(guide(page).getByRole('alert')).toHaveText(
    'There is no lesson "nope". Choose one from the list.',
  );
  await expect(guide(page).locator('.lesson-item')).toHaveCount(8);

  await page.goto('/?lesson=counter&step=9');
  await expect(guide(page).getByRole('alert')).toContainText('has 2 steps; there is no step 9');

  await page.goto('/?lesson=counter&step=two');
  await expect(cafe(page).locator('.notice')).toContainText('step="two" must be a whole number from 1');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('A customer at the counter');
});

test('in a lesson the presenter keys are the slides: run, show the result, next step', async ({ page }) => {
  await page.goto('/?lesson=receipt&step=1');
  await expect(card(page)).toHaveAttribute('data-phase', 'ready');
  await cafe(page).focus();
  await page.keyboard.press('PageDown');
  await expect(card(page)).toHaveAttribute('data-phase', 'running');
  await page.keyboard.press('PageDown');
  await expect(card(page)).toHaveAttribute('data-phase', 'revealed');
  await expect(result(page).getByRole('heading')).toHaveText(/^The answer: At once: 202 Accepted/);
  await page.keyboard.press('PageDown');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('The event waits in Lambda’s queue');
  await page.keyboard.press('PageUp');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('202 at once');

  // In presenter mode (p) the lesson is the slide: large type, still beside the scene.
  await page.keyboard.press('p');
  await expect(cafe(page)).toHaveAttribute('data-presenting', 'true');
  await expect(card(page)).toBeVisible();
  const size = await card(page)
    .locator('.lesson-text')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  await page.keyboard.press('Escape');
  await expect(cafe(page)).not.toHaveAttribute('data-presenting');

  // Closed, the keys step the model again.
  await card(page).getByRole('button', { name: 'Close lessons' }).click();
  await expect(guide(page)).toHaveCount(0);
  await expect(cafe(page).locator('.scene')).not.toHaveAttribute('data-highlight');
});

for (const [where, url, chunk] of [
  ['the app', '/?lesson=receipt&step=1', /\/assets\/LessonGuide-[^/]*\.js$/],
  ['an embed', '/embed.html?lesson=receipt&step=1', /\/assets\/EmbedLessons-[^/]*\.js$/],
] as const) {
  test(`in ${where}, a slide key pressed while the lesson is still loading goes to the lesson once it is there`, async ({
    page,
  }) => {
    // The lesson's card loads in its own chunk: hold it, as a slow network would.
    const gate: { open?: () => void } = {};
    const held = new Promise<void>((resolve) => (gate.open = resolve));
    await page.route(chunk, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url);
    await expect(page.getByRole('status').filter({ hasText: 'Loading the lessons…' })).toBeVisible();
    await cafe(page).focus();
    await page.keyboard.press('PageDown');
    gate.open?.();
    // The key ran the step (not a step of the café that the lesson then reset).
    await expect(card(page)).toHaveAttribute('data-phase', 'running');
    await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('202 at once');
  });
}

test('the lessons fit a phone and pass axe, light and dark, with the run’s results drawn in the card', async ({
  page,
}) => {
  // Eight axe passes over the page: each takes seconds on a busy two-core machine.
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/?lesson=both-ways');
    await card(page).getByText('The synchronous one about 5 s').click();
    expect(await seriousViolations(page, '.lesson-guide')).toEqual([]);
    await card(page).getByRole('button', { name: 'Run it' }).click();
    await card(page).getByRole('button', { name: 'Show the result now' }).click();
    const table = card(page).getByRole('table');
    await expect(table).toContainText('Waits for the function: blocked 5.3 s');
    await expect(table).toContainText('Immediate acknowledgement: 202 after 0 ms');
    expect(await seriousViolations(page, '.lesson-guide')).toEqual([]);
    // Nothing in the card is wider than the card (wide content scrolls inside its own box).
    const overflow = await guide(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.goto('/?lesson=result&step=3');
    await card(page).getByText('A record with the request').click();
    await card(page).getByRole('button', { name: 'Run it' }).click();
    await card(page).getByRole('button', { name: 'Show the result now' }).click();
    await expect(card(page).locator('.lesson-extra')).toContainText('"responsePayload"');
    await expect(card(page).locator('.lesson-extra')).toContainText('Hello from Lambda!');
    expect(await seriousViolations(page, '.lesson-guide')).toEqual([]);
    await card(page).getByRole('button', { name: 'All lessons' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test('with a lesson step open at 1280×800 the whole café still fits the first view (the card scrolls)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?lesson=receipt&step=2');
  await expect(page.locator('.lesson-guide')).toBeVisible();
  for (const region of await page.locator('section.cafe [data-zone]').all()) {
    const box = (await region.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800.5);
  }
  const place = (await page.locator('.stage-guide').boundingBox())!;
  expect(place.y + place.height).toBeLessThanOrEqual(800.5);
});
