// Measures the release app: cold start to first paint, and idle memory. Prints one JSON object.
// Run under Xvfb (`make -f mk/app.mk app-measure`); `--runs N` (default 3) repeats the start.
//
// start_to_first_paint_ms: from spawning the process to the app printing `ui_ready`, which the
//   UI sends two animation frames after mounting (its first frame is painted by then).
// since_main_ms: the same end point, timed inside the app from the start of `main`.
// rss_app_kib: VmRSS of the app process after 3 s idle; rss_tree_kib adds its WebKit child
//   processes (web content, network), which hold most of a webview's memory, counting shared
//   libraries once per process; pss_tree_kib is the same tree by proportional set size (shared
//   pages split), the fairer total.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appBinary, freshDir, requireDisplay, requireFile, start, stop } from './lib.mjs';

requireDisplay();
requireFile(appBinary, 'build it with `npx tauri build --no-bundle` (make -f mk/app.mk app-build)');

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const IDLE_MS = 3000;

function vmRssKib(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = status.match(/^VmRSS:\s+(\d+) kB/m);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** Proportional set size: shared pages split between the processes that map them, so a sum
 * over the process tree does not count the shared WebKit libraries several times. */
function pssKib(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = rollup.match(/^Pss:\s+(\d+) kB/m);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid) {
  const kids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch {
      // gone already
    }
  }
  return kids;
}

function treeSum(pid, measure) {
  return measure(pid) + childrenOf(pid).reduce((sum, kid) => sum + treeSum(kid, measure), 0);
}

function treeCount(pid) {
  return 1 + childrenOf(pid).reduce((sum, kid) => sum + treeCount(kid), 0);
}

async function measureOnce() {
  const work = freshDir('panelmark-measure-');
  const spawnedAt = performance.now();
  const app = start(appBinary, ['--db', path.join(work, 'measure.db')], {
    env: { ...process.env, PANELMARK_STARTUP_LOG: '1', PANELMARK_CONFIG_DIR: path.join(work, 'config') },
  });
  try {
    const ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ui_ready within 30 s')), 30_000);
      let buffer = '';
      app.stdout.on('data', (chunk) => {
        buffer += chunk;
        const line = buffer.split('\n').find((l) => l.includes('"ui_ready"'));
        if (line) {
          clearTimeout(timer);
          resolve({ at: performance.now(), ...JSON.parse(line) });
        }
      });
      app.once('exit', (code) => reject(new Error(`the app exited (${code}) before ui_ready`)));
    });
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return {
      start_to_first_paint_ms: Math.round(ready.at - spawnedAt),
      since_main_ms: Math.round(ready.since_main_ms),
      rss_app_kib: vmRssKib(app.pid),
      rss_tree_kib: treeSum(app.pid, vmRssKib),
      pss_tree_kib: treeSum(app.pid, pssKib),
      processes: treeCount(app.pid),
    };
  } finally {
    await stop(app);
    rmSync(work, { recursive: true, force: true });
  }
}

const samples = [];
for (let i = 0; i < runs; i++) samples.push(await measureOnce());
const median = (key) => {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
console.log(
  JSON.stringify(
    {
      binary: appBinary,
      runs,
      idle_ms: IDLE_MS,
      first_run: samples[0],
      median: Object.fromEntries(Object.keys(samples[0]).map((k) => [k, median(k)])),
      samples,
    },
    null,
    2,
  ),
);
