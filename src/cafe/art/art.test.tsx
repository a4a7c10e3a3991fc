import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import {
  BaristaFigure,
  CafeTable,
  CounterTop,
  Cup,
  CustomerFigure,
  EspressoMachine,
  FailureBox,
  Receipt,
  SuccessTray,
  Ticket,
  WallClock,
  clockAngles,
} from './index';
import { variantOf } from './ArtSvg';
import { artMarkup } from './artSprite';
import type { CustomerMood } from './CustomerFigure';
import type { BaristaState } from './BaristaFigure';
import type { CupState } from './Cup';

const html = (el: ReactElement): string => renderToStaticMarkup(el);

/** One instance of every component, as a function of the optional title. */
const every: Array<[string, (title?: string) => ReactElement]> = [
  ['CustomerFigure', (title) => <CustomerFigure kind="sync" mood="waiting" title={title} />],
  ['BaristaFigure', (title) => <BaristaFigure state="busy" title={title} />],
  ['Cup', (title) => <Cup state="full" title={title} />],
  ['Ticket', (title) => <Ticket status="waiting" label="#1" title={title} />],
  ['Receipt', (title) => <Receipt title={title} />],
  ['EspressoMachine', (title) => <EspressoMachine title={title} />],
  ['CounterTop', (title) => <CounterTop width={300} title={title} />],
  ['CafeTable', (title) => <CafeTable title={title} />],
  ['FailureBox', (title) => <FailureBox label="DLQ" count={2} title={title} />],
  ['SuccessTray', (title) => <SuccessTray label="OnSuccess" count={1} title={title} />],
  ['WallClock', (title) => <WallClock ms={0} title={title} />],
];

function hand(markup: string, name: string): string {
  const m = markup.match(new RegExp(`transform="(rotate\\([^"]*\\))" data-hand="${name}"`));
  if (!m) throw new Error(`no ${name} hand in markup`);
  return m[1];
}

describe('art accessibility', () => {
  it.each(every)('%s is an img named by title when titled', (_, make) => {
    const out = html(make('A thing in the café'));
    const svg = out.slice(0, out.indexOf('>') + 1);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="A thing in the café"');
    expect(svg).not.toContain('aria-hidden');
  });

  it.each(every)('%s is hidden from assistive tech without a title', (_, make) => {
    const out = html(make());
    const svg = out.slice(0, out.indexOf('>') + 1);
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).not.toContain('role=');
    expect(svg).not.toContain('aria-label');
  });

  it('sizes by height and keeps the aspect ratio', () => {
    const out = html(<Ticket status="done" size={48} />);
    expect(out).toMatch(/width="39.27" height="48"/);
  });
});

describe('text in the art', () => {
  it('Ticket prints its label', () => {
    expect(html(<Ticket status="backoff" label="#12" />)).toMatch(/<text[^>]*>#12<\/text>/);
  });

  it('Ticket escapes its label and draws no text without one', () => {
    expect(html(<Ticket status="retry" label="<b>" />)).toContain('&lt;b&gt;');
    expect(html(<Ticket status="retry" />)).not.toContain('<text');
  });

  it('Ticket marks statuses differently', () => {
    const all = (['waiting', 'backoff', 'retry', 'running', 'failed', 'done'] as const).map((s) =>
      html(<Ticket status={s} label="#1" />),
    );
    expect(new Set(all).size).toBe(all.length);
    expect(all[4]).toContain('var(--danger)');
    expect(all[5]).toContain('var(--async)');
    expect(all[1]).toContain('var(--warn)');
  });

  it('Receipt shows 202 and Accepted by default, or the given code', () => {
    const out = html(<Receipt />);
    expect(out).toMatch(/>202<\/text>/);
    expect(out).toMatch(/>Accepted<\/text>/);
    expect(html(<Receipt code="200" />)).toMatch(/>200<\/text>/);
  });

  it('FailureBox and SuccessTray show label and count', () => {
    const box = html(<FailureBox label="OnFailure" count={7} />);
    expect(box).toMatch(/>OnFailure<\/text>/);
    expect(box).toMatch(/>7<\/text>/);
    const tray = html(<SuccessTray label="OnSuccess" count={150} />);
    expect(tray).toMatch(/>OnSuccess<\/text>/);
    expect(tray).toMatch(/>99\+<\/text>/);
  });

  it('CounterTop labels the register "Invoke API"', () => {
    expect(html(<CounterTop width={240} size={80} />)).toMatch(/>Invoke API<\/text>/);
  });
});

describe('WallClock', () => {
  it('hands at 0 and at 3 h differ (hour hand), minute hand agrees', () => {
    const zero = html(<WallClock ms={0} />);
    const three = html(<WallClock ms={3 * 3600 * 1000} />);
    expect(hand(zero, 'hour')).toBe('rotate(0 50 50)');
    expect(hand(three, 'hour')).toBe('rotate(90 50 50)');
    expect(hand(three, 'minute')).toBe(hand(zero, 'minute'));
    expect(zero).not.toBe(three);
  });

  it('is a pure function of ms', () => {
    expect(html(<WallClock ms={123456} />)).toBe(html(<WallClock ms={123456} />));
    expect(clockAngles(90 * 60 * 1000)).toEqual({ hour: 45, minute: 180, second: 0 });
    // hands sweep: 15 s later the minute hand has moved 1.5°, the second hand a quarter turn
    expect(clockAngles(90 * 60 * 1000 + 15_000)).toEqual({ hour: 45.13, minute: 181.5, second: 90 });
    expect(clockAngles(12 * 3600 * 1000)).toEqual({ hour: 0, minute: 0, second: 0 });
    expect(clockAngles(Number.NaN)).toEqual({ hour: 0, minute: 0, second: 0 });
  });
});

describe('CustomerFigure variants', () => {
  it('same seed gives the same markup', () => {
    for (const seed of [0, 1, 7, 42]) {
      expect(html(<CustomerFigure kind="async" mood="served" seed={seed} />)).toBe(
        html(<CustomerFigure kind="async" mood="served" seed={seed} />),
      );
    }
  });

  it('different seeds give different looks; four consecutive seeds cover every hair style and skin', () => {
    const looks = [0, 1, 2, 3].map((seed) => html(<CustomerFigure kind="sync" mood="waiting" seed={seed} />));
    expect(new Set(looks).size).toBe(4);
    expect(new Set([0, 1, 2, 3].map((s) => variantOf(s).style)).size).toBe(4);
    expect(new Set([0, 1, 2, 3].map((s) => variantOf(s).skin)).size).toBe(4);
  });

  it('tolerates odd seeds deterministically', () => {
    expect(variantOf(-5)).toEqual(variantOf(5));
    expect(variantOf(2.9)).toEqual(variantOf(2));
    expect(variantOf(Number.NaN)).toEqual(variantOf(0));
  });

  it('sync and async wear their colours; moods draw different poses', () => {
    expect(html(<CustomerFigure kind="sync" mood="served" />)).toContain('var(--sync)');
    expect(html(<CustomerFigure kind="async" mood="served" />)).toContain('var(--async)');
    const moods = (['waiting', 'served', 'error', 'turnedAway', 'free', 'seated'] as const).map((mood) =>
      html(<CustomerFigure kind="sync" mood={mood} seed={3} />),
    );
    expect(new Set(moods).size).toBe(moods.length);
  });
});

describe('other states', () => {
  it('every Barista and Cup state draws something different', () => {
    const b = (['initializing', 'busy', 'idle', 'shutdown'] as const).map((state) =>
      html(<BaristaFigure state={state} />),
    );
    expect(new Set(b).size).toBe(4);
    const c = (['brewing', 'full', 'spilled', 'abandoned'] as const).map((state) =>
      html(<Cup state={state} />),
    );
    expect(new Set(c).size).toBe(4);
    expect(c[2]).toContain('var(--danger)');
    expect(c[3]).toContain('var(--warn)');
  });

  it('uses only theme and art colour variables, never literal colours', () => {
    const all = every.map(([, make]) => html(make())).join('');
    const colours = all.match(/(?:fill|stroke)="([^"]*)"/g) ?? [];
    for (const c of colours) expect(c).toMatch(/="(?:var\(--[a-z0-9-]+\)|none)"/);
  });
});

describe('shared drawings (the sprite a figure <use>s in the browser)', () => {
  const moods: CustomerMood[] = ['waiting', 'served', 'error', 'turnedAway', 'free', 'seated'];
  const baristas: BaristaState[] = ['initializing', 'busy', 'idle', 'shutdown'];
  const cups: CupState[] = ['brewing', 'full', 'spilled', 'abandoned'];
  const seeds = Array.from({ length: 48 }, (_, i) => i);

  it('are written as the very markup React renders inline, for every figure that is shared', () => {
    const figures: ReactElement[] = [
      ...(['sync', 'async'] as const).flatMap((kind) =>
        moods.flatMap((mood) =>
          seeds.map((seed) => <CustomerFigure key={seed} kind={kind} mood={mood} seed={seed} />),
        ),
      ),
      ...baristas.flatMap((state) =>
        seeds.map((seed) => <BaristaFigure key={seed} state={state} seed={seed} />),
      ),
      ...cups.map((state) => <Cup key={state} state={state} />),
      ...every.map(([, make]) => make('A title & "quotes"')),
    ];
    for (const figure of figures) expect(artMarkup(figure)).toBe(html(figure));
  });

  it('are named by everything they depend on: one look per seed modulo 48', () => {
    // The sprite keys customers by kind, mood and look (variantOf): seeds 48 apart must draw alike.
    for (const seed of seeds) {
      expect(html(<CustomerFigure kind="async" mood="seated" seed={seed + 48} />)).toBe(
        html(<CustomerFigure kind="async" mood="seated" seed={seed} />),
      );
      expect(html(<BaristaFigure state="busy" seed={seed + 96} />)).toBe(
        html(<BaristaFigure state="busy" seed={seed} />),
      );
    }
  });
});
