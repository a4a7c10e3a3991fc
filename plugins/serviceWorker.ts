import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The offline café (README "Offline and install"): at the end of a production build, lists
 * what the build wrote to disk — every HTML entry (index.html, and embed pages if present),
 * script, style, icon and the manifest — and writes `sw.js` beside them, versioned by a hash of
 * their contents. The worker precaches all of it on install and answers same-origin GETs from
 * that cache first, so a reload without network still opens the café. It never touches the AWS
 * bridge (`/__lambda-cafe`), which must reach the live server. A new build is a new `sw.js`: it
 * installs and waits until the page's "new version — reload" notice says go (src/app/offline.ts).
 *
 * Hand-written rather than vite-plugin-pwa: its 2.0.0 accepts Vite 8, but it runs workbox-build,
 * which brings Babel, Rollup 2 and terser (well over a hundred packages) to write a worker of a
 * few dozen lines.
 */
export const SW_FILE = 'sw.js';
/** Paths the worker leaves alone (the live AWS bridge). */
export const NEVER_CACHED = '/__lambda-cafe';

/** Files under `dir`, relative, with '/' separators; dot-folders (Vite's .vite manifest) and source maps left out. */
export function listBuild(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name !== SW_FILE && !entry.name.endsWith('.map'))
        out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.toSorted();
}

/** The worker's source for these files (relative to where sw.js sits) and this version. */
export function workerSource(files: string[], version: string): string {
  // './' too: a navigation to the folder is answered with its index.html.
  const precache = ['./', ...files.map((f) => `./${f}`)];
  return `// Lambda Café service worker, written by plugins/serviceWorker.ts at build time. Do not edit.
const VERSION = ${JSON.stringify(version)};
const CACHE = 'lambda-cafe-' + VERSION;
const PRECACHE = ${JSON.stringify(precache, null, 0)};
const NEVER_CACHED = ${JSON.stringify(NEVER_CACHED)};

self.addEventListener('install', (event) => {
  // 'reload': the files themselves, never a copy the HTTP cache kept from an older build.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })))),
  );
  // No skipWaiting here: a new version waits until the page says so (its "reload" notice).
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'lambda-cafe:activate') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lambda-cafe-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.includes(NEVER_CACHED)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // A page's query (?seed=7, ?lesson=…) does not change the HTML file. ignoreVary: the
      // server says "Vary: Origin", and a module script asks with an Origin the install did not send.
      const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') cache.put(request, response.clone());
      return response;
    }),
  );
});
`;
}

export function serviceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lambda-cafe:service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = listBuild(outDir);
      const hash = createHash('sha256');
      for (const file of files)
        hash
          .update(file)
          .update('\0')
          .update(readFileSync(join(outDir, file)));
      writeFileSync(join(outDir, SW_FILE), workerSource(files, hash.digest('hex').slice(0, 16)));
    },
  };
}
