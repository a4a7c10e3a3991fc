import type { CafeState } from '../store/cafeStore';
import { RUSH_SIZE } from '../store/cafeStore';

export interface KeyBinding {
  keys: string[];
  label: string;
  run(state: CafeState): void;
}

/**
 * The café's keys. They act only on the café that has focus (the handler sits on its root),
 * and include the keys slide clickers send (PageDown/PageUp, `.`, B) for presenters.
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
    run: (s) => (s.slides ? s.slides.next() : s.step()),
  },
  {
    keys: ['b', 'ArrowLeft', 'PageUp'],
    label: 'Step back to the previous model event (in a lesson: the previous step)',
    run: (s) => (s.slides ? s.slides.prev() : void s.stepBack()),
  },
  { keys: ['+', '='], label: 'Faster', run: (s) => s.faster() },
  { keys: ['-', '_'], label: 'Slower', run: (s) => s.slower() },
  { keys: ['r'], label: 'Reset (same seed)', run: (s) => s.reset() },
  { keys: ['t'], label: 'Automatic arrivals on / off', run: (s) => s.setAuto({ on: !s.auto.on }) },
  { keys: ['?'], label: 'Show / hide this help', run: (s) => s.toggleHelp() },
  { keys: ['Escape'], label: 'Close help', run: (s) => s.toggleHelp(false) },
];

const BY_KEY = new Map(KEY_BINDINGS.flatMap((b) => b.keys.map((k) => [k, b] as const)));

/** Typing in a field must never trigger a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
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

export function bindingFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>) {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (event.key !== 'Escape' && isTyping(event.target)) return undefined;
  // Space on a focused button must keep activating that button.
  if (event.key === ' ' && event.target instanceof HTMLElement && event.target.tagName === 'BUTTON')
    return undefined;
  return BY_KEY.get(event.key);
}

export function describeKeys(keys: string[]): string {
  return keys.map((k) => (k === ' ' ? 'Space' : k === 'ArrowRight' ? '→' : k)).join(' / ');
}
