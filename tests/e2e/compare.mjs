// Compares builds of the desktop app screen by screen: runs tests/e2e/large.mjs (every screen's
// first open at 2,000 candidates, in the page) --runs times for each app binary given, taking
// the binaries in turn (A B A B …, so a machine that slows down or speeds up within the hour
// weighs on each alike), and prints each screen's open times per binary, with their median.
// One run's figures move by ±40 ms on these shared machines: a difference between two builds
// means something only across many runs, in both orders.
//
//   xvfb-run -a node tests/e2e/compare.mjs --runs 6 /tmp/before/panelmark-app target/release/panelmark-app
//
// Not part of `make test`. Each run builds its own demo database (large.mjs), so the runs do
// not share state.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repo } from './lib.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 4;
const binaries = args.filter((a, i) => a !== '--runs' && i !== runsAt + 1);
if (!(runs > 0) || binaries.length === 0) {
  console.error('usage: node tests/e2e/compare.mjs [--runs N] APP_BINARY...');
  process.exit(2);
}

/** One large.mjs run with `binary`: each screen's open time in the page, in ms since the click. */
function openTimes(binary) {
  const out = execFileSync('node', [path.join(repo, 'tests/e2e/large.mjs')], {
    env: { ...process.env, PANELMARK_APP: binary },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(out.slice(out.indexOf('\n{') + 1));
  // A screen that marks its steps ends with `painted`; one that does not, at the frame after
  // its content appeared (large.mjs).
  return Object.fromEntries(Object.entries(report.in_page_ms).map(([screen, p]) => [screen, p.painted ?? p.ready_painted]));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const times = binaries.map(() => ({}));
for (let run = 1; run <= runs; run++) {
  binaries.forEach((binary, b) => {
    const one = openTimes(binary);
    for (const [screen, ms] of Object.entries(one)) (times[b][screen] ??= []).push(ms);
    console.error(`run ${run}, ${binary}: ${Object.entries(one).map(([s, ms]) => `${s} ${ms}`).join(', ')}`);
  });
}
const report = binaries.map((binary, b) => ({
  binary,
  screens: Object.fromEntries(Object.entries(times[b]).map(([screen, ms]) => [screen, { median: median(ms), runs: ms }])),
}));
// Indented, with each screen's list of times on one line.
const json = JSON.stringify({ runs, measured_at: new Date().toISOString(), builds: report }, null, 2);
console.log(json.replace(/\[\s+([-\d.,\s]+?)\s+\]/g, (_, inner) => `[${inner.split(/,\s*/).join(', ')}]`));
