// Start: the database given with --db is open; a new file has no users, so the first person
// to say who they are becomes its HR administrator.
import { appBinary } from '../lib.mjs';
import { appKeepsGlOut, glDriversMappedBy, processRunning } from '../processes.mjs';

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, textOf, waitForText, shot, goTo, ctx, TIMEOUT } = t;
  await step('the app starts on the database given with --db', async () => {
    await waitForText('[data-testid="header-database"]', 'fresh.db');
    await waitForText('[data-testid="open-database"]', ctx.db);
    await waitForText('[data-testid="header-user"]', 'Not chosen');
    await waitForText('[data-testid="recent-databases"]', 'fresh.db');
    await shot('01-start');
  });

  // The app's own process draws without GL when compositing is off, so on X11 it loads no GL
  // driver (src-tauri/src/rendering.rs): no libLLVM, no Mesa, 50 MB less resident. The page
  // above was drawn, so WebKit's web process found its driver.
  await step("the app's own process has no GL driver loaded (compositing off, X11)", async () => {
    const app = processRunning(ctx.driverPid, appBinary);
    if (!app) throw new Error(`no ${appBinary} under tauri-driver (pid ${ctx.driverPid})`);
    const loaded = glDriversMappedBy(app);
    if (appKeepsGlOut()) {
      if (loaded.length) throw new Error(`the app process has mapped ${loaded.join(', ')}`);
    } else {
      console.log(`     compositing on or not X11 here: GL drivers in the app process: ${loaded.join(', ') || 'none'}`);
    }
  });

  await step('the first user says who they are and becomes HR administrator (Enter submits)', async () => {
    await waitForText('[data-testid="identity-chooser"]', 'This file has no users yet');
    await browser.$('#first-login').setValue('priya.e2e');
    await browser.$('#first-name').setValue('Priya E2E');
    await browser.keys('Enter'); // the form submits from the keyboard
    await waitForText('[data-testid="header-user"]', 'Priya E2E');
    await waitForText(
      '[data-testid="current-user"]',
      'Local file: you are working as Priya E2E (priya.e2e), HR administrator',
    );
    // The new HR administrator is told what to do first.
    await waitForText('[data-testid="first-run-checklist"]', 'What to do first');
    await waitForText('[data-testid="first-run-checklist"]', '1. Import or create a role');
    await waitForText('[data-testid="first-run-checklist"]', '3. Set up a campaign');
    await shot('02-start-user-chosen');
  });

}
