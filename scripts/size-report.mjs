// Prints the gzip size of the JavaScript the first view loads (the entry chunk and its static
// imports, from Vite's manifest; lazily loaded panels are not counted) and compares it with
// the budget: 1.25 × a bare page importing the same libraries (scripts/size-baseline).
// Usage: node scripts/size-report.mjs [--no-baseline]   (run after `vite build`)
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGET_FACTOR = 1.25;

/** gzip bytes of the JS reachable by static imports from the HTML entry of a built dist. */
export function firstViewJs(distDir) {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`No Vite manifest at ${manifestPath}: build with build.manifest = true first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // The app's own page (embed.html and embed-demo.html are entries too, #12).
  const entryKey =
    Object.keys(manifest).find((k) => manifest[k].isEntry && k === 'index.html') ??
    Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('.html'));
  if (!entryKey) throw new Error('No HTML entry in the Vite manifest.');
  const seen = new Set();
  const files = [];
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entryKey);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(distDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

async function buildBaseline() {
  const { build } = await import('vite');
  const outDir = join(root, 'node_modules', '.tmp', 'size-baseline');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: join(root, 'scripts', 'size-baseline'),
    base: './',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  return firstViewJs(outDir);
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = firstViewJs(join(root, 'dist'));
  console.log(
    `[size] first view JavaScript: ${kb(app.gzip)} gzip (${kb(app.raw)} raw, ${app.files.length} file(s))`,
  );
  if (!process.argv.includes('--no-baseline')) {
    const base = await buildBaseline();
    const budget = base.gzip * BUDGET_FACTOR;
    const ratio = app.gzip / base.gzip;
    console.log(
      `[size] bare page with the same libraries: ${kb(base.gzip)} gzip; budget ${BUDGET_FACTOR} × = ${kb(budget)}`,
    );
    console.log(
      `[size] app / bare = ${ratio.toFixed(2)} — ${app.gzip <= budget ? 'within budget' : 'OVER BUDGET'}`,
    );
    if (app.gzip > budget && process.argv.includes('--strict')) process.exit(1);
  }
}
