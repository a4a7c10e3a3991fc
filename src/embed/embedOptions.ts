/**
 * The embed page's URL parameters: the app's (parseUrlOptions: seed, speed, baristas, failure,
 * target, onsuccess, paused, present, lesson, step) plus `panels`, `controls`, `theme` and
 * `allow`. A bad value is named in `problems` (the café shows them) and its default is used.
 * Never throws.
 */
import { parseUrlOptions, quoteValue, type ParsedOptions } from '../app/urlOptions';

export const PANELS = ['timeline', 'terminal', 'logs', 'code', 'charts', 'config'] as const;
export type PanelId = (typeof PANELS)[number];
export const CONTROLS = ['full', 'minimal', 'none'] as const;
export type ControlsMode = (typeof CONTROLS)[number];
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export interface EmbedOptions extends ParsedOptions {
  panels: PanelId[];
  controls: ControlsMode;
  theme: Theme;
  /** The raw `allow` parameter (embedBridge.parseAllow reads it), null when absent. */
  allow: string | null;
}

const EMBED_KEYS = ['panels', 'controls', 'theme', 'allow'];

export function parseEmbedOptions(search: string): EmbedOptions {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  // The app's own parameters are the app's to read; the embed's are taken out first.
  const appParams = new URLSearchParams();
  for (const [key, value] of params) if (!EMBED_KEYS.includes(key)) appParams.append(key, value);
  const parsed = parseUrlOptions(appParams.toString());
  const problems = [...parsed.problems];
  const first = (key: string) => {
    const all = params.getAll(key);
    if (all.length > 1)
      problems.push(`${key} is given more than once; using the first, ${quoteValue(all[0])}.`);
    return all.length ? all[0] : null;
  };

  let panels: PanelId[] = [];
  const panelsParam = first('panels');
  if (panelsParam !== null && panelsParam !== 'none') {
    const names = panelsParam.split(',').map((p) => p.trim());
    const bad = names.filter((n) => !(PANELS as readonly string[]).includes(n));
    panels = PANELS.filter((p) => names.includes(p));
    if (bad.length || names.length === 0)
      problems.push(
        `panels=${quoteValue(panelsParam)}: ${bad.length ? bad.slice(0, 3).map(quoteValue).join(', ') + ' unknown' : 'empty'}; panels are ${PANELS.join(', ')} (comma list) or none.`,
      );
  }
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = first(key);
    if (value === null) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${key}=${quoteValue(value)} must be one of ${allowed.join(', ')}; using ${fallback}.`);
    return fallback;
  };
  const controls = pick('controls', CONTROLS, 'full');
  const theme = pick('theme', THEMES, 'auto');
  const allow = first('allow');
  return { ...parsed, problems, panels, controls, theme, allow };
}
