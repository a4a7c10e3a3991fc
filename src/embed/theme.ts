/**
 * `theme=light|dark`: the café's colours follow `prefers-color-scheme`, which in an iframe is the
 * host page's choice. To force one, every `@media (prefers-color-scheme: …)` rule of the page's
 * own (same-origin) style sheets is rewritten through the CSSOM to always or never apply,
 * including the sheets lazy chunks add later. (The CSP allows this: no inline style is written.)
 */
const ALWAYS = '(min-width: 0px)';
const NEVER = '(max-width: 0.001px) and (min-width: 0.002px)';

function rewrite(rules: CSSRuleList, theme: 'light' | 'dark') {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSMediaRule && /prefers-color-scheme/.test(rule.media.mediaText)) {
      rule.media.mediaText = rule.media.mediaText
        .replace(/\(\s*prefers-color-scheme\s*:\s*dark\s*\)/g, theme === 'dark' ? ALWAYS : NEVER)
        .replace(/\(\s*prefers-color-scheme\s*:\s*light\s*\)/g, theme === 'light' ? ALWAYS : NEVER);
    }
    if ('cssRules' in rule) rewrite((rule as CSSGroupingRule).cssRules, theme);
  }
}

export function applyTheme(theme: 'light' | 'dark' | 'auto', doc: Document = document): void {
  doc.documentElement.dataset.theme = theme;
  if (theme === 'auto') return;
  doc.documentElement.style.colorScheme = theme;
  const done = new WeakSet<CSSStyleSheet>();
  const sweep = () => {
    for (const sheet of Array.from(doc.styleSheets)) {
      if (done.has(sheet)) continue;
      try {
        rewrite(sheet.cssRules, theme);
        done.add(sheet);
      } catch {
        // Not loaded yet (its load event sweeps again) or not ours to read.
      }
    }
  };
  sweep();
  doc.addEventListener('load', sweep, true); // a <link> that finished loading
  new MutationObserver(sweep).observe(doc.head, { childList: true });
}
