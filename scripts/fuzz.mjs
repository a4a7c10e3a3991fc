// `npm run fuzz`: every fuzz suite at full size — the Node suites (*.fuzz.test.ts: URL
// parameters, terminal lines, the model API, configuration…) with FUZZ_CASES cases each
// (default 10,000), then the browser pass (e2e/fuzz.spec.ts) with FUZZ_BROWSER_CASES pages and
// lines each (default 300). `npm test` runs the same suites with a short pass.
//   node scripts/fuzz.mjs [--node-only]
import { spawnSync } from 'node:child_process';

const cases = process.env.FUZZ_CASES ?? '10000';
const browserCases = process.env.FUZZ_BROWSER_CASES ?? '300';
const report = [];

function run(label, command, args, env) {
  console.log(`\n[fuzz] ${label}…`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  // eslint-disable-next-line no-control-regex -- ANSI colour codes around vitest's output
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  process.stdout.write(
    out
      .split('\n')
      .filter((l) => !l.startsWith('[fuzz]'))
      .slice(-12)
      .join('\n') + '\n',
  );
  for (const line of out.split('\n')) if (line.startsWith('[fuzz]')) report.push(line);
  report.push(
    `[fuzz] ${label}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return result.status === 0;
}

let ok = run('Node suites', 'npx', ['vitest', 'run', 'fuzz'], { FUZZ_CASES: cases });
if (!process.argv.includes('--node-only'))
  ok =
    run('browser pass', 'node', ['scripts/e2e.mjs', 'e2e/fuzz.spec.ts'], {
      FUZZ_BROWSER_CASES: browserCases,
    }) && ok;

console.log('\n' + report.join('\n'));
process.exit(ok ? 0 : 1);
