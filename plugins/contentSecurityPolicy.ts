import { randomBytes } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * The app's Content-Security-Policy, as a <meta> first thing in <head> so it also holds where the
 * built files are copied to a static host (no header needed). Production: scripts, styles,
 * fetches and workers from the app's own origin only — no inline script, no inline <style>, no
 * other site. (Styles React and framer-motion set through the CSSOM are not inline styles.)
 */
export const PRODUCTION_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The dev server needs two things the build does not: React Refresh's inline preamble script and
 * the <style> elements Vite injects for CSS. Both carry a nonce (Vite's `html.cspNonce` puts it on
 * the tags it writes and on the styles its client adds), so the policy stays free of
 * 'unsafe-inline' and an inline script someone adds by hand is still refused, as in production.
 * The nonce is new each time the server starts (a dev server is local; the build has none).
 */
export function devPolicy(nonce: string): string {
  return PRODUCTION_POLICY.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`).replace(
    "style-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
  );
}

export function contentSecurityPolicy(): Plugin {
  const nonce = randomBytes(16).toString('base64');
  let policy = PRODUCTION_POLICY;
  return {
    name: 'lambda-cafe:content-security-policy',
    config(_, { command }) {
      if (command === 'serve') return { html: { cspNonce: nonce } };
    },
    configResolved(config) {
      policy = config.command === 'serve' ? devPolicy(nonce) : PRODUCTION_POLICY;
    },
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
