import type { shareUrl as ShareUrl } from '../../embed/shareLinkStart';
import type { CafeState } from '../../store/cafeStore';

export type ShareStatus =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'copied'; url: string; at: number }
  /** The clipboard was refused: the link is shown, selected, to copy by hand. */
  | { kind: 'manual'; url: string; at: number }
  | { kind: 'refused'; text: string };

/**
 * Makes the link that reopens this session, paused at this moment, and copies it. Loaded on
 * the first click of Share, with the codec (src/embed/shareLink.ts), off the first view.
 */
export async function shareSession(
  cafe: Pick<CafeState, 'sharedSession'>,
  /** Passed in: the start-up code has it already (importing it here would split it off the first view). */
  shareUrl: typeof ShareUrl,
): Promise<ShareStatus> {
  const taken = cafe.sharedSession();
  if ('refused' in taken) return { kind: 'refused', text: taken.refused };
  let url: string;
  try {
    const { encodeShare, SHARE_MAX_CHARS } = await import('../../embed/shareLink');
    const fragment = await encodeShare(taken.session);
    if (fragment.length > SHARE_MAX_CHARS)
      return {
        kind: 'refused',
        text: `This session has too many recorded steps for one link (${taken.session.actions.length}). Reset, then share a shorter one.`,
      };
    url = shareUrl(window.location.href, fragment);
  } catch {
    // The codec's chunk did not arrive (offline before it was cached) or compression is missing.
    return { kind: 'refused', text: 'The link could not be made in this browser. Try again.' };
  }
  const at = taken.session.at;
  try {
    await navigator.clipboard.writeText(url);
    return { kind: 'copied', url, at };
  } catch {
    return { kind: 'manual', url, at };
  }
}
