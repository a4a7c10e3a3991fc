import type { CafeStore } from '../store/cafeStore';

/** Lets promise reactions (a terminal's sync invoke answering) run between model advances. */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Fast-forwarding moves the model this many virtual ms per turn at most. */
const CHUNK_MS = 5_000;

/**
 * Plays the café to virtual time `until` at once, through the store's own play path (recorded
 * actions apply at their times, a terminal command waits for the answer before it as a user
 * had to), then pauses there. Never goes past `until`: stepping to "the next model event"
 * could jump minutes ahead to an idle barista going home.
 */
export async function fastForward(cafe: CafeStore, until: number): Promise<void> {
  const s = () => cafe.getState();
  for (let guard = 0; s().now < until && guard < 10_000; guard++) {
    const virtualMs = Math.min(CHUNK_MS, until - s().now);
    s().play();
    // tick advances by realMs × speed (at most 250 real ms a call), like an animation frame.
    s().tick(virtualMs / s().speed);
    s().pause();
    await turn();
  }
}
