/**
 * Opening the page with a share link (`#session=1.…`, src/embed/shareLink.ts). Small and
 * codec-free: the codec's chunk loads only when the fragment holds a session.
 *
 * When the fragment and the query both say something, the fragment wins: the link is the whole
 * session (seed, settings, speed, moment, and paused), so the query's café parameters are
 * ignored and a notice names them; `present` still applies (it is about the room, not the session).
 */
import { SESSION_PARAMS, type ParsedOptions } from '../app/urlOptions';
import type { SharedSessionData } from '../store/cafeStore';

/** The fragment key (also in shareLink.ts, which this file must not import). */
const KEY = 'session';

/** The embed page's own parameters (src/embed/embedOptions.ts), meaningless to the app. */
const EMBED_PARAMS = ['panels', 'controls', 'theme', 'allow'];

export function hasSharedSession(hash: string): boolean {
  try {
    return new URLSearchParams(hash.replace(/^#/, '')).has(KEY);
  } catch {
    return false;
  }
}

/** The link the Share button copies: this page, the session's parameters dropped from its query, the session as the fragment. */
export function shareUrl(href: string, fragment: string): string {
  const url = new URL(href);
  for (const name of SESSION_PARAMS) url.searchParams.delete(name);
  // Shared from an embedded café: the link opens the whole app beside it (only the app's page
  // restores sessions, and the reader of a link has no host page around it).
  if (/\/embed(-demo)?\.html$/.test(url.pathname)) {
    url.pathname = url.pathname.replace(/[^/]*$/, 'index.html');
    for (const name of EMBED_PARAMS) url.searchParams.delete(name);
  }
  url.hash = fragment;
  return url.href;
}

export interface StartOptions extends ParsedOptions {
  shared?: { session: SharedSessionData; problems: string[] };
}

/**
 * The page's start options with the fragment's session in them. Never rejects: a link that
 * cannot be read becomes a notice and the café starts from the query as usual.
 */
export async function withSharedSession(
  parsed: ParsedOptions,
  search: string,
  hash: string,
): Promise<StartOptions> {
  if (!hasSharedSession(hash)) return parsed;
  let decoded: Awaited<ReturnType<typeof import('./shareLink').decodeShare>>;
  try {
    const { decodeShare } = await import('./shareLink');
    decoded = await decodeShare(hash);
  } catch {
    return {
      ...parsed,
      problems: [
        ...parsed.problems,
        'This share link could not be opened in this browser; the café starts fresh.',
      ],
    };
  }
  if (!decoded) return parsed;
  if (!decoded.session) return { ...parsed, problems: [...parsed.problems, ...decoded.problems] };
  const params = new URLSearchParams(search);
  const ignored = SESSION_PARAMS.filter((name) => params.has(name));
  const problems = [...decoded.problems];
  if (ignored.length)
    problems.push(
      `The share link sets the session, so ${ignored.join(', ')} in the URL ${ignored.length === 1 ? 'is' : 'are'} ignored.`,
    );
  // Problems with other query parameters (unknown ones, a bad present=) are still worth saying.
  const rest = parsed.problems.filter(
    (p) => !SESSION_PARAMS.some((name) => p.startsWith(`${name}=`) || p.startsWith(`${name} `)),
  );
  return {
    options: { paused: true },
    present: parsed.present,
    problems: [],
    shared: { session: decoded.session, problems: [...problems, ...rest] },
  };
}
