// Measures the release app: cold start to first paint, and idle memory. Prints one JSON object.
// Run under Xvfb (`make -f mk/app.mk app-measure`); `--runs N` (default 3) repeats the start.
//
// start_to_first_paint_ms: from spawning the process to the app printing `ui_ready`, which the
//   UI sends two animation frames after mounting (its first frame is painted by then).
// since_main_ms: the same end point, timed inside the app from the start of `main`; split into
//   shell_to_page_ms (Tauri, GTK and WebKit's processes until the page's navigation began),
//   page_to_script_ms (the HTML and the bundle loaded and parsed), script_to_mounted_ms (the
//   app's components created and inserted) and mounted_to_paint_ms (style, layout and the first
//   two frames).
// rss_app_kib: VmRSS of the app process after 3 s idle; rss_tree_kib adds its WebKit child
//   processes (web content, network), which hold most of a webview's memory, counting shared
//   libraries once per process; pss_tree_kib is the same tree by proportional set size (shared
//   pages split), the fairer total.
// gl_drivers_in_app: the GL driver libraries the app process has mapped (libLLVM, Mesa's);
//   'none' where the app keeps GL out of its process (compositing off on X11, rendering.rs).
// webkit_floor: per run, a bare WebKitGTK window's window_to_paint_ms (libraries loaded) and
//   navigation_to_paint_ms, measured between the app's runs (scripts/webkit-floor.py).
// board: opening the moderation board of a demo campaign (`--board-candidates N`, default 5000;
//   0 skips it). The database is built first with the CLI (target/release/panelmark demo) when
//   it is there, else through the app's create_demo_campaign command (setup, not timed); then the
//   board is opened. click_to_rows_ms: in the page, from the click on "Moderation" (a capturing
//   listener's performance.now()) to the frame after the first board row is in the DOM
//   (MutationObserver, then requestAnimationFrame); it includes loading the board over IPC.
//   Measured `--board-runs` times (default 3), going to Start and back, each a new mount.
//   ipc_ms: the board command's round trip as the page saw it (core, JSON both ways), from
//   its request, made at the click before the screen is (screens/moderation/firstReads.ts);
//   unpack_ms: laying the packed board out for the screen.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { remote } from 'webdriverio';
import {
  appBinary,
  freePorts,
  freshDir,
  nativeDriver,
  removeScratch,
  repo,
  requireDisplay,
  requireFile,
  signInOnStart,
  start,
  stop,
  tauriDriver,
  waitForPort,
} from './lib.mjs';
import { appKeepsGlOut, appTurnsCompositingOff, childrenOf, glDriversMappedBy } from './processes.mjs';

requireDisplay();
requireFile(appBinary, 'build it with `npx tauri build --no-bundle` (make -f mk/app.mk app-build)');

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const boardArg = process.argv.indexOf('--board-candidates');
const boardCandidates = boardArg > 0 ? Number(process.argv[boardArg + 1]) : 5000;
const boardRunsArg = process.argv.indexOf('--board-runs');
const boardRuns = boardRunsArg > 0 ? Number(process.argv[boardRunsArg + 1]) : 3;
const cli = path.join(repo, 'target/release/panelmark');
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
      // since_main_ms split: the shell and webview until the page's navigation began, the
      // page's HTML and script until the bundle ran, and the first render.
      shell_to_page_ms: Math.round(ready.since_main_ms - ready.page_paint_ms),
      page_to_script_ms: Math.round(ready.page_script_ms),
      script_to_mounted_ms: Math.round(ready.page_mounted_ms - ready.page_script_ms),
      mounted_to_paint_ms: Math.round(ready.page_paint_ms - ready.page_mounted_ms),
      rss_app_kib: vmRssKib(app.pid),
      rss_tree_kib: treeSum(app.pid, vmRssKib),
      pss_tree_kib: treeSum(app.pid, pssKib),
      processes: treeCount(app.pid),
      gl_drivers_in_app: glDriversMappedBy(app.pid).join(' ') || 'none',
    };
  } finally {
    await stop(app);
    removeScratch(work);
  }
}

/** In the page: time from the next click on the Moderation button to the first painted row. */
/** The demo campaign's moderator (`panelmark demo` prints it). */
const DEMO_MODERATOR = 'helen.marsh.hr';

function armBoardTimer() {
  window.__board = { t0: null, t1: null, rows: 0 };
  const nav = document.querySelector('nav button[data-screen="moderation"]');
  nav.addEventListener('click', () => (window.__board.t0 = performance.now()), { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="board-row"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__board.t1 = performance.now();
      window.__board.rows = document.querySelectorAll('[data-testid="board-row"]').length;
    });
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

async function measureBoard(candidates) {
  const work = freshDir('panelmark-board-');
  const db = path.join(work, 'board.db');
  const env = { ...process.env, PANELMARK_CONFIG_DIR: path.join(work, 'config') };
  const setup = {};
  if (existsSync(cli)) {
    const began = performance.now();
    execFileSync(cli, ['--db', db, '--as', 'measure', 'demo', '--candidates', String(candidates)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    setup.demo_via = 'cli';
    setup.demo_build_ms = Math.round(performance.now() - began);
  }
  const [port, nativePort] = await freePorts(2);
  const driver = start(tauriDriver, ['--port', String(port), '--native-port', String(nativePort), '--native-driver', nativeDriver], { env });
  let browser;
  try {
    await waitForPort(port, 10_000);
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: { 'tauri:options': { application: appBinary, args: ['--db', db] } },
    });
    await browser.$('nav button[data-screen="moderation"]').waitForDisplayed({ timeout: 30_000 });
    if (!setup.demo_via) {
      const began = performance.now();
      const r = await browser.executeAsync(
        (n, done) =>
          window.__TAURI_INTERNALS__
            .invoke('sign_in', { login: 'measure', name: 'Measure' })
            .then(() => window.__TAURI_INTERNALS__.invoke('create_demo_campaign', {
              candidates: n,
              seed: 1,
              exercises: 1,
              jobId: 1,
              // A progress channel nobody listens to, as @tauri-apps/api's Channel sends it.
              onProgress: `__CHANNEL__:${window.__TAURI_INTERNALS__.transformCallback(() => {})}`,
            }))
            .then(() => done({}), (e) => done({ error: e })),
        candidates,
      );
      if (r.error) throw new Error(`create_demo_campaign: ${JSON.stringify(r.error)}`);
      setup.demo_via = 'app';
      setup.demo_build_ms = Math.round(performance.now() - began);
    }
    // Only a campaign's moderator sees its board: sign in on Start as the demo's moderator,
    // as a person would (the app never changes who is signed in by itself).
    await signInOnStart(browser, { login: DEMO_MODERATOR, name: 'Helen Marsh' });
    const samples = [];
    for (let i = 0; i < boardRuns; i++) {
      await browser.$('nav button[data-screen="start"]').click();
      await browser.$('main h1').waitUntil(async function () {
        return (await this.getProperty('textContent')) === 'Start';
      });
      await browser.execute(armBoardTimer);
      await browser.$('nav button[data-screen="moderation"]').click();
      await browser.waitUntil(() => browser.execute(() => window.__board.t1 != null), { timeout: 60_000, interval: 20 });
      const b = await browser.execute(() => window.__board);
      const shown = await browser.$('[data-testid="board-count"]').getProperty('textContent');
      const phases = await browser.execute(() =>
        Object.fromEntries(
          ['board:ipc', 'board:unpack'].map((name) => [name, Math.round(performance.getEntriesByName(name).at(-1)?.duration ?? -1)]),
        ),
      );
      samples.push({
        click_to_rows_ms: Math.round(b.t1 - b.t0),
        ipc_ms: phases['board:ipc'],
        unpack_ms: phases['board:unpack'],
        rows_rendered: b.rows,
        count: String(shown).trim(),
      });
    }
    const sorted = samples.map((s) => s.click_to_rows_ms).sort((a, b) => a - b);
    return { candidates, ...setup, first_ms: samples[0].click_to_rows_ms, median_ms: sorted[Math.floor(sorted.length / 2)], samples };
  } finally {
    if (browser) await browser.deleteSession().catch(() => {});
    await stop(driver);
    removeScratch(work);
  }
}

// WebKit alone on this machine, now (scripts/webkit-floor.py): a bare WebKitGTK window with one
// heading, drawn the way the app draws (src-tauri/src/rendering.rs: compositing off with
// PANELMARK_GPU_COMPOSITING=0, or unset on a machine without a GPU render node; never over
// WebKitGTK's own switch; and GL kept out of the window's process where the app keeps it out).
// Start-up cannot be faster than this; null when python3-gi or its
// WebKit typelib is missing.
const floorEnv = appTurnsCompositingOff() ? { ...process.env, WEBKIT_DISABLE_COMPOSITING_MODE: '1' } : { ...process.env };
if (appKeepsGlOut(floorEnv)) floorEnv.WEBKIT_FLOOR_KEEP_GL_OUT = '1';
function webkitFloorOnce() {
  try {
    const out = execFileSync('/usr/bin/python3', [path.join(repo, 'scripts', 'webkit-floor.py')], {
      encoding: 'utf8',
      env: floorEnv,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    });
    return JSON.parse(out.trim().split('\n').at(-1));
  } catch {
    return null;
  }
}

const samples = [];
const floors = [];
for (let i = 0; i < runs; i++) {
  samples.push(await measureOnce());
  floors.push(webkitFloorOnce());
}
let board = null;
if (boardCandidates > 0) {
  requireFile(tauriDriver, 'install it with `make -f mk/app.mk app-deps`');
  board = await measureBoard(boardCandidates);
}
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
      median: Object.fromEntries(
        Object.keys(samples[0])
          .filter((k) => typeof samples[0][k] === 'number')
          .map((k) => [k, median(k)]),
      ),
      samples,
      webkit_floor: floors.every(Boolean) ? floors : null,
      board,
    },
    null,
    2,
  ),
);
