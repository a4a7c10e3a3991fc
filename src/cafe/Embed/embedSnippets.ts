/**
 * The snippets the Embed dialog writes: an iframe of embed.html and the <lambda-cafe> element,
 * with this café's lesson step and settings and the chosen panels, controls and theme. Only
 * values that differ from the defaults are written. No React, no DOM.
 */
import { DEFAULT_SETTINGS, type KitchenSettings } from '../../store/cafeStore';

export interface SnippetInput {
  /** Where embed.html, embed.js and lambda-cafe.js are: the app's folder URL, ending in "/". */
  base: string;
  seed: number;
  speed: number;
  settings: KitchenSettings;
  lesson?: { lessonId: string; step: number };
  panels: string[];
  controls: 'full' | 'minimal' | 'none';
  theme: 'light' | 'dark' | 'auto';
}

/** The parameters, in a fixed order, as [name, value] pairs. */
export function embedParams(input: SnippetInput): [string, string][] {
  const params: [string, string][] = [];
  if (input.lesson) {
    params.push(['lesson', input.lesson.lessonId]);
    if (input.lesson.step !== 1) params.push(['step', String(input.lesson.step)]);
  }
  // A lesson step sets up its own run (seed, speed, kitchen): only the café's own settings otherwise.
  if (!input.lesson) params.push(...settingParams(input));
  if (input.panels.length) params.push(['panels', input.panels.join(',')]);
  if (input.controls !== 'full') params.push(['controls', input.controls]);
  if (input.theme !== 'auto') params.push(['theme', input.theme]);
  return params;
}

function settingParams(input: SnippetInput): [string, string][] {
  const params: [string, string][] = [];
  if (input.seed !== 42) params.push(['seed', String(input.seed)]);
  if (input.speed !== 1) params.push(['speed', String(input.speed)]);
  const s = input.settings;
  if (s.baristas !== DEFAULT_SETTINGS.baristas)
    params.push(['baristas', s.baristas === null ? 'account' : String(s.baristas)]);
  if (s.failure !== DEFAULT_SETTINGS.failure) params.push(['failure', s.failure]);
  if (s.failureTarget !== DEFAULT_SETTINGS.failureTarget) params.push(['target', s.failureTarget]);
  if (s.onSuccess !== DEFAULT_SETTINGS.onSuccess) params.push(['onsuccess', s.onSuccess ? '1' : '0']);
  return params;
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(input: SnippetInput): string {
  const query = new URLSearchParams(embedParams(input)).toString();
  const src = `${input.base}embed.html${query ? `?${query}` : ''}`;
  return [
    '<iframe',
    `  src="${attr(src)}"`,
    '  title="Lambda Café: sync and async invocation"',
    '  width="100%"',
    '  height="900"',
    '  loading="lazy"',
    '  allow="fullscreen; clipboard-write"',
    '></iframe>',
  ].join('\n');
}

export function scriptSnippet(input: SnippetInput): string {
  const attrs = embedParams(input)
    .map(([name, value]) => ` ${name}="${attr(value)}"`)
    .join('');
  return `<script src="${attr(input.base)}lambda-cafe.js"></script>\n<lambda-cafe${attrs}></lambda-cafe>`;
}
