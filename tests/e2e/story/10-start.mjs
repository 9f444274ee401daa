// Start: the database given with --db is open; a new file has no users, so the first person
// to say who they are becomes its HR administrator.
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
