import type { CafeState } from '../store/cafeStore';
import { RUSH_SIZE } from '../store/cafeStore';
import type { StageState } from './Stage/stageStore';

export interface KeyBinding {
  keys: string[];
  label: string;
  /** Only in presenter mode (the clicker keys that blank the screen). */
  presenterOnly?: boolean;
  run(state: CafeState, stage?: StageState): void;
}

const next = (s: CafeState) => (s.slides ? s.slides.next() : s.step());
const prev = (s: CafeState) => (s.slides ? s.slides.prev() : void s.stepBack());

/**
 * The café's keys. They reach the café that has focus, or else the one last used, or the only
 * café on the page (see Stage/keyRouter.ts), and include the keys slide clickers send
 * (PageDown / PageUp, `.` and B) for presenters.
 */
export const KEY_BINDINGS: KeyBinding[] = [
  { keys: ['s'], label: 'Order at the counter (synchronous)', run: (s) => s.order('sync') },
  { keys: ['a'], label: 'Order for a table (asynchronous)', run: (s) => s.order('async') },
  { keys: ['S'], label: `Rush: ${RUSH_SIZE} synchronous orders`, run: (s) => s.order('sync', RUSH_SIZE) },
  { keys: ['A'], label: `Rush: ${RUSH_SIZE} asynchronous orders`, run: (s) => s.order('async', RUSH_SIZE) },
  { keys: [' ', 'k'], label: 'Play / pause', run: (s) => s.togglePlay() },
  {
    keys: ['n', 'ArrowRight', 'PageDown'],
    label: 'Step to the next model event (in a lesson: the next step)',
    run: next,
  },
  {
    keys: ['ArrowLeft', 'PageUp'],
    label: 'Step back to the previous model event (in a lesson: the previous step)',
    run: prev,
  },
  {
    keys: ['b'],
    label: 'Step back (in presenter mode: blank the screen, as clickers send it)',
    run: (s, stage) => (stage?.presenting ? stage.toggleBlank() : prev(s)),
  },
  {
    keys: ['.'],
    label: 'Blank / unblank the screen (presenter mode)',
    presenterOnly: true,
    run: (_, stage) => stage?.toggleBlank(),
  },
  { keys: ['+', '='], label: 'Faster', run: (s) => s.faster() },
  { keys: ['-', '_'], label: 'Slower', run: (s) => s.slower() },
  { keys: ['r'], label: 'Reset (same seed)', run: (s) => s.reset() },
  { keys: ['t'], label: 'Automatic arrivals on / off', run: (s) => s.setAuto({ on: !s.auto.on }) },
  { keys: ['p'], label: 'Presenter mode on / off', run: (_, stage) => stage?.togglePresenting() },
  {
    keys: ['f'],
    label: 'Full screen on / off (presenter mode)',
    run: (_, stage) => stage?.toggleFullscreen(),
  },
  { keys: ['?'], label: 'Show / hide this help', run: (s) => s.toggleHelp() },
  {
    keys: ['Escape'],
    label: 'Close help; un-blank; leave presenter mode',
    run: (s, stage) => {
      if (s.helpOpen) s.toggleHelp(false);
      else stage?.leave();
    },
  },
];

const BY_KEY = new Map(KEY_BINDINGS.flatMap((b) => b.keys.map((k) => [k, b] as const)));

/** Elements where Space (and Enter) already mean something: pressing them must keep working. */
const ACTIVATES_ON_SPACE = new Set(['BUTTON', 'SUMMARY', 'A']);

/** The event's target as an element (there is no DOM in unit tests). */
function elementOf(target: EventTarget | null): HTMLElement | undefined {
  return typeof HTMLElement !== 'undefined' && target instanceof HTMLElement ? target : undefined;
}

/** Typing in a field must never trigger a shortcut. */
function isTyping(target: HTMLElement | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  // Sliders (the timeline's playhead, range inputs) own their arrow keys and PageUp/PageDown.
  if (target.getAttribute('role') === 'slider') return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit'].includes(type);
  }
  return false;
}

export function bindingFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
  stage?: Pick<StageState, 'presenting'>,
): KeyBinding | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const target = elementOf(event.target);
  if (event.key !== 'Escape' && isTyping(target)) return undefined;
  // Space on a focused button (or disclosure, or link) must keep activating it.
  if (event.key === ' ' && target && ACTIVATES_ON_SPACE.has(target.tagName)) return undefined;
  const binding = BY_KEY.get(event.key);
  if (binding?.presenterOnly && !stage?.presenting) return undefined;
  return binding;
}

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowRight: '→',
  ArrowLeft: '←',
  Escape: 'Esc',
};

export function describeKeys(keys: string[]): string {
  return keys.map((k) => KEY_NAMES[k] ?? k).join(' / ');
}
