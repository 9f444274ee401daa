// End-to-end: the release app (bundled UI), driven through tauri-driver + WebKitWebDriver with
// WebdriverIO, on a fresh temporary database. Run under Xvfb: `make -f mk/app.mk test-e2e`.
// Each step's screenshot goes to test-output/e2e/. Exits non-zero if any step fails.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { remote } from 'webdriverio';
import {
  appBinary,
  freePort,
  freshDir,
  nativeDriver,
  outputDir,
  repo,
  requireDisplay,
  requireFile,
  start,
  stop,
  tauriDriver,
  waitForPort,
} from './lib.mjs';

requireDisplay();
requireFile(appBinary, 'build it with `npx tauri build --no-bundle` (make -f mk/app.mk app-build)');
requireFile(tauriDriver, 'install it with `make -f mk/app.mk app-deps`');
requireFile(nativeDriver, 'apt-get install webkit2gtk-driver');

const work = freshDir('panelmark-e2e-');
const db = path.join(work, 'fresh.db');
const roleFixture = path.join(repo, 'tests/e2e/fixtures/role.json');
const invalidFixture = path.join(repo, 'tests/e2e/fixtures/role-invalid.json');
rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });

const port = await freePort();
const nativePort = await freePort();
const driver = start(
  tauriDriver,
  ['--port', String(port), '--native-port', String(nativePort), '--native-driver', nativeDriver],
  // The app inherits this: keep the test's recent-databases list out of the user's settings.
  { env: { ...process.env, PANELMARK_CONFIG_DIR: path.join(work, 'config') } },
);

let browser;
const results = [];
const TIMEOUT = 10_000;

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`FAIL ${name}: ${error?.message ?? error}`);
    if (browser) {
      await browser
        .saveScreenshot(path.join(outputDir, `failed-${results.length}.png`))
        .catch(() => {});
    }
  }
}

/** `selector`'s text with white space collapsed. textContent, not WebDriver's getText: under
 * WebKitWebDriver getText returned "" for the header's (visible) fields. */
async function textOf(selector) {
  const text = await browser.$(selector).getProperty('textContent');
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `selector`'s text contains `expected` (so screenshots are never stale). */
async function waitForText(selector, expected) {
  await browser.$(selector).waitForDisplayed({ timeout: TIMEOUT });
  await browser
    .waitUntil(async () => (await textOf(selector)).includes(expected), { timeout: TIMEOUT })
    .catch(async () => {
      throw new Error(`${selector} never showed “${expected}”; it shows “${await textOf(selector)}”`);
    });
}

async function shot(name) {
  await browser.saveScreenshot(path.join(outputDir, `${name}.png`));
}

async function goTo(screen, heading) {
  await browser.$(`nav button[data-screen="${screen}"]`).click();
  await waitForText('main h1', heading);
  // Focus moves to the new screen's heading (keyboard users land on it).
  const focused = await browser.execute(() => document.activeElement?.textContent ?? '');
  if (!focused.includes(heading)) throw new Error(`focus is on “${focused}”, not the ${heading} heading`);
}

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

  await step('the app starts on the database given with --db', async () => {
    await waitForText('[data-testid="header-database"]', 'fresh.db');
    await waitForText('[data-testid="open-database"]', db);
    await waitForText('[data-testid="header-user"]', 'Not chosen');
    await waitForText('[data-testid="recent-databases"]', 'fresh.db');
    await shot('01-start');
  });

  await step('the user says who they are (Enter submits)', async () => {
    const name = browser.$('#user-name');
    await name.setValue('Priya E2E');
    await browser.keys('Enter'); // the form submits from the keyboard
    await waitForText('[data-testid="header-user"]', 'Priya E2E');
    await waitForText('[data-testid="current-user"]', 'Working as Priya E2E');
    await shot('02-start-user-chosen');
  });

  await step('importing a role file lists the role', async () => {
    await goTo('roles', 'Roles');
    await waitForText('main', 'No roles yet');
    await browser.$('#role-path').setValue(roleFixture);
    await browser.$('button=Import').click();
    await waitForText('[data-testid="roles-table"]', 'Senior Web Operations Engineer');
    await waitForText('main [role="status"]', 'with 3 criteria');
    const row = await textOf('[data-testid="roles-table"] tbody tr');
    for (const cell of ['SEO', 'E2E-0001']) {
      if (!row.includes(cell)) throw new Error(`role row “${row}” lacks ${cell}`);
    }
    await shot('03-roles-imported');
  });

  await step('an invalid role file shows the core’s message in the error banner', async () => {
    await browser.$('#role-path').setValue(invalidFixture);
    await browser.$('button=Import').click();
    await waitForText('[role="alert"]', 'role-invalid.json: does not match the role schema');
    await waitForText('[role="alert"]', '/criteria/0/kind');
    await waitForText('[role="alert"]', 'Error code: import');
    await shot('04-roles-import-error');
    await browser.$('button=Dismiss').click();
    await browser.$('[role="alert"]').waitForExist({ reverse: true, timeout: TIMEOUT });
    const rows = await browser.$$('[data-testid="roles-table"] tbody tr').length;
    if (rows !== 1) throw new Error(`a rejected import must store nothing, but ${rows} roles are listed`);
  });

  await step('the audit log shows the import and the chain verifies intact', async () => {
    await goTo('audit', 'Audit log');
    await waitForText('[data-testid="audit-table"]', 'role.create');
    await waitForText('[data-testid="audit-table"]', 'Priya E2E');
    await browser.$('button=Verify chain').click();
    await waitForText('[data-testid="verify-result"]', 'Chain intact: 1 event, head');
    await shot('05-audit-verified');
  });

  await step('the audit filter narrows the list', async () => {
    await browser.$('#filter-action').setValue('score.');
    await browser.$('button=Apply').click();
    await waitForText('main', 'No events match these filters');
    await browser.$('button=Clear').click();
    await waitForText('[data-testid="audit-table"]', 'role.create');
    await browser.$('#filter-entity').setValue('role/1');
    await browser.$('button=Apply').click();
    await waitForText('[data-testid="audit-table"]', '1 event, newest first');
  });

  await step('the capability refuses what it does not grant', async () => {
    // The page can reach Tauri's internal invoke; the ACL must still refuse core and plugin
    // commands the capability leaves out, while the app's own commands work.
    const tryInvoke = (cmd, args) =>
      browser.execute(
        (c, a) =>
          window.__TAURI_INTERNALS__.invoke(c, a).then(
            () => 'allowed',
            (e) => `refused: ${typeof e === 'string' ? e : JSON.stringify(e)}`,
          ),
        cmd,
        args ?? {},
      );
    for (const cmd of ['plugin:app|version', 'plugin:window|close', 'plugin:dialog|message']) {
      const outcome = await tryInvoke(cmd, { message: 'x', label: 'main' });
      if (!outcome.startsWith('refused') || !outcome.includes('not allowed')) {
        throw new Error(`${cmd} should be refused by the ACL, got: ${outcome}`);
      }
    }
    const own = await tryInvoke('current_database');
    if (own !== 'allowed') throw new Error(`current_database should be allowed, got: ${own}`);
    if (await browser.execute(() => 'window.__TAURI__' in window ? 'global' : 'none') !== 'none') {
      throw new Error('withGlobalTauri must stay off');
    }
  });

  await step('a screen still to be built says so', async () => {
    await goTo('results', 'Results');
    await waitForText('main', 'Not built yet');
    await shot('06-placeholder-results');
  });
} catch (error) {
  results.push({ name: 'session', ok: false, error });
  console.log(`FAIL could not drive the app: ${error?.message ?? error}`);
} finally {
  if (browser) await browser.deleteSession().catch(() => {});
  await stop(driver);
  rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok);
writeFileSync(
  path.join(outputDir, 'results.json'),
  JSON.stringify(results.map(({ name, ok, error }) => ({ name, ok, error: error?.message })), null, 2),
);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);
