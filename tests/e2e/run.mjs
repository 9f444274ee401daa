// End-to-end: the release app (bundled UI), driven through tauri-driver + WebKitWebDriver with
// WebdriverIO, on a fresh temporary database. Run under Xvfb: `make -f mk/app.mk test-e2e`.
// Each step's screenshot goes to test-output/e2e/. Exits non-zero if any step fails.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { remote } from 'webdriverio';
import {
  appBinary,
  freePorts,
  freshDir,
  nativeDriver,
  outputDir,
  removeScratch,
  repo,
  requireDisplay,
  requireFile,
  start,
  stop,
  tauriDriver,
  waitForPort,
} from './lib.mjs';
import { makeStory } from './harness.mjs';

requireDisplay();
requireFile(appBinary, 'build it with `npx tauri build --no-bundle` (make -f mk/app.mk app-build)');
requireFile(tauriDriver, 'install it with `make -f mk/app.mk app-deps`');
requireFile(nativeDriver, 'apt-get install webkit2gtk-driver');

const work = freshDir('panelmark-e2e-');
const db = path.join(work, 'fresh.db');
rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });

const [port, nativePort] = await freePorts(2);
const driver = start(
  tauriDriver,
  ['--port', String(port), '--native-port', String(nativePort), '--native-driver', nativeDriver],
  // The app inherits this: keep the test's recent-databases list out of the user's settings.
  { env: { ...process.env, PANELMARK_CONFIG_DIR: path.join(work, 'config') } },
);

// What the app writes to its standard error reaches us through tauri-driver: kept for the
// story's chapters that read it (ctx.driverOutput).
let driverOutput = '';
for (const stream of [driver.stdout, driver.stderr]) stream.on('data', (chunk) => (driverOutput += chunk));

let browser;
const results = [];
/** Every axe run: screen, label (screenshot or "open-<screen>") and its violations. */
const axeReport = [];
const storyDir = path.join(repo, 'tests/e2e/story');

try {
  await waitForPort(port, 10_000);
  browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      'tauri:options': { application: appBinary, args: ['--db', db] },
    },
  });
  const story = makeStory(
    browser,
    results,
    outputDir,
    {
    work,
    db,
    repo,
    roleFixture: path.join(repo, 'tests/e2e/fixtures/role.json'),
    invalidFixture: path.join(repo, 'tests/e2e/fixtures/role-invalid.json'),
    // The app runs under tauri-driver (and WebKitWebDriver): its processes are found from here.
    driverPid: driver.pid,
    driverOutput: () => driverOutput,
    },
    axeReport,
  );
  // The story runs in file-name order; each chapter leaves the app as the next expects.
  const chapters = readdirSync(storyDir).filter((f) => f.endsWith('.mjs')).sort();
  for (const chapter of chapters) {
    console.log(`-- ${chapter}`);
    const { default: run } = await import(pathToFileURL(path.join(storyDir, chapter)).href);
    await run(story);
  }
} catch (error) {
  results.push({ name: 'session', ok: false, error });
  console.log(`FAIL could not drive the app: ${error?.message ?? error}`);
} finally {
  if (browser) await browser.deleteSession().catch(() => {});
  await stop(driver);
  removeScratch(work);
}

// Accessibility: every screen, every screenshot, 0 axe violations.
const perScreen = {};
for (const { screen, violations } of axeReport) {
  const count = violations.reduce((n, v) => n + v.nodes, 0);
  const entry = (perScreen[screen] ??= { checks: 0, violations: 0, rules: {} });
  entry.checks += 1;
  entry.violations += count;
  for (const v of violations) entry.rules[v.id] = (entry.rules[v.id] ?? 0) + v.nodes;
}
writeFileSync(path.join(outputDir, 'axe.json'), JSON.stringify({ perScreen, runs: axeReport }, null, 2));
console.log('axe (violating nodes per screen, summed over its checks):');
for (const [screen, e] of Object.entries(perScreen)) {
  console.log(`  ${screen.padEnd(11)} ${String(e.violations).padStart(4)} in ${e.checks} checks ${JSON.stringify(e.rules)}`);
}
const axeTotal = Object.values(perScreen).reduce((n, e) => n + e.violations, 0);
if (axeReport.length > 0) {
  results.push({
    name: 'axe-core reports 0 violations on every screen',
    ok: axeTotal === 0,
    error: axeTotal === 0 ? undefined : new Error(`${axeTotal} violating nodes (test-output/e2e/axe.json)`),
  });
}

const failed = results.filter((r) => !r.ok);
writeFileSync(
  path.join(outputDir, 'results.json'),
  JSON.stringify(results.map(({ name, ok, error }) => ({ name, ok, error: error?.message })), null, 2),
);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);
