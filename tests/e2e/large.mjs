// Screenshots of the screens a panel and a moderator use, on a large campaign: a demo of
// --candidates N (default 2,000: four panels of 500), built with the CLI, opened in the release
// app under Xvfb. Scoring as the first panel's chair (500 candidates on their panel), then the
// moderation board and Results as the moderator. Writes test-output/e2e-large/*.png and prints
// each screen's open time (click to its content on screen) as JSON. Not part of `make test`:
// `make -f mk/app.mk app-large-screens`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { remote } from 'webdriverio';
import {
  appBinary,
  freePort,
  freshDir,
  nativeDriver,
  repo,
  requireDisplay,
  requireFile,
  signInOnStart,
  start,
  stop,
  tauriDriver,
  waitForPort,
} from './lib.mjs';

requireDisplay();
requireFile(appBinary, 'build it with `make -f mk/app.mk app-build`');
requireFile(tauriDriver, 'install it with `make -f mk/app.mk app-deps`');
const cli = path.join(repo, 'target/release/panelmark');
requireFile(cli, 'build it with `cargo build --release --bin panelmark`');

const arg = process.argv.indexOf('--candidates');
const candidates = arg > 0 ? Number(process.argv[arg + 1]) : 2000;
const outputDir = path.join(repo, 'test-output/e2e-large');
mkdirSync(outputDir, { recursive: true });
// The demo's people (src/demo.rs): the first panel's chair, and the moderator.
const CHAIR = { login: 'amara.okafor', name: 'Amara Okafor' };
const MODERATOR = { login: 'helen.marsh.hr', name: 'Helen Marsh' };

const work = freshDir('panelmark-large-');
const db = path.join(work, 'large.db');
const env = { ...process.env, PANELMARK_CONFIG_DIR: path.join(work, 'config') };
execFileSync(cli, ['--db', db, '--as', 'screens', 'demo', '--candidates', String(candidates)], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

const port = await freePort();
const driver = start(tauriDriver, ['--port', String(port), '--native-port', String(await freePort()), '--native-driver', nativeDriver], { env });
let browser;
const opened = {};
try {
  await waitForPort(port, 10_000);
  browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: { 'tauri:options': { application: appBinary, args: ['--db', db] } },
  });

  /** Opens a screen from the side menu; the time until `ready` is on screen. */
  async function open(screen, ready) {
    const began = Date.now();
    await browser.$(`nav button[data-screen="${screen}"]`).click();
    await browser.$(ready).waitForDisplayed({ timeout: 60_000 });
    opened[screen] = Date.now() - began;
  }

  await signInOnStart(browser, CHAIR);
  await open('scoring', '[data-testid="candidate-list"]');
  await browser.saveScreenshot(path.join(outputDir, 'scoring-500.png'));
  // Finding a candidate among 500 by typing part of a name.
  await browser.$('#candidate-search').setValue('C-0401');
  await browser.pause(300);
  await browser.saveScreenshot(path.join(outputDir, 'scoring-500-search.png'));

  await signInOnStart(browser, MODERATOR);
  await open('moderation', '[data-testid="board-row"]');
  await browser.saveScreenshot(path.join(outputDir, 'moderation-2000.png'));
  await open('results', 'main table');
  await browser.saveScreenshot(path.join(outputDir, 'results-2000.png'));
  console.log(JSON.stringify({ candidates, open_ms: opened, screenshots: outputDir }, null, 2));
} finally {
  if (browser) await browser.deleteSession().catch(() => {});
  await stop(driver);
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
