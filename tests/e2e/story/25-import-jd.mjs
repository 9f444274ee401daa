// Roles: a job description imports as a draft, reviewed beside its source, corrected and saved.
import path from 'node:path';

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, textOf, waitForText, shot, goTo, ctx, TIMEOUT } = t;

  /** Clicks `selector` after scrolling it to the middle of the screen, clear of the sticky save bar. */
  async function press(selector) {
    const el = await browser.$(selector);
    await el.waitForExist({ timeout: TIMEOUT });
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
    await el.click();
  }
  const jd = path.join(ctx.repo, 'tests/fixtures/jd/demo-role.md');
  /** The criteria names as the review editor shows them, in order. */
  const editorNames = () =>
    browser.execute(() =>
      [...document.querySelectorAll('[data-testid="criterion-editor"] input[id$="-name"]')].map((e) => e.value),
    );
  const indicatorCount = (i) =>
    browser.execute((i) => document.querySelectorAll(`textarea[id^="crit-${i}-ind-"]`).length, i);

  await step('a job description imports as a draft shown beside its source', async () => {
    await goTo('roles', 'Roles');
    await browser.$('#jd-path').setValue(jd);
    await press('button=Import job description');
    await waitForText('[data-testid="role-review"] h2', 'Review the imported role');
    // The source text, as written, on one side…
    await waitForText('[data-testid="jd-source"]', 'assess you against these behaviours during the selection process');
    await waitForText('[data-testid="jd-source"]', 'Reference number: PM-DEMO-0001');
    // …and the extracted criteria, editable, on the other.
    const title = await browser.$('#role-title').getValue();
    if (title !== 'Platform Reliability Engineer') throw new Error(`title read as “${title}”`);
    const names = await editorNames();
    for (const name of ['Seeing the Big Picture', 'Working Together', 'Delivering at Pace', 'Making Effective Decisions']) {
      if (!names.includes(name)) throw new Error(`“${name}” was not extracted; got ${names.join(', ')}`);
    }
    ctx.jdCriteriaCount = names.length;
  });

  await step('the review fixes the draft: one indicator deleted, one criterion desirable; saved and listed', async () => {
    const i = (await editorNames()).indexOf('Making Effective Decisions');
    const before = await indicatorCount(i);
    await press(`[aria-label="Delete indicator 2 of Making Effective Decisions"]`);
    if ((await indicatorCount(i)) !== before - 1) throw new Error('the indicator was not deleted');
    await browser.$(`#crit-${i}-priority`).selectByVisibleText('Desirable');
    // Show the corrected criterion beside the source (the source pane stays in view).
    await browser.execute((i) => document.getElementById(`crit-${i}-name`).scrollIntoView({ block: 'center' }), i);
    await browser.waitUntil(
      async () =>
        (await browser.execute((i) => document.querySelectorAll('[data-testid="criterion-editor"]')[i].querySelector('legend').textContent, i)).includes('Desirable'),
      { timeout: TIMEOUT, timeoutMsg: 'the criterion never showed as desirable' },
    );
    await shot('25-role-review');

    await press('button=Save role');
    await waitForText('main [role="status"]', `Saved “Platform Reliability Engineer” with ${ctx.jdCriteriaCount} criteria`);
    await waitForText('[data-testid="roles-table"]', 'Platform Reliability Engineer');
    await waitForText('[data-testid="roles-table"]', 'demo-role.md');
    const rows = await browser.$$('[data-testid="roles-table"] tbody tr').length;
    if (rows !== 2) throw new Error(`expected the role file’s role and this one, got ${rows} rows`);
  });

  await step('the saved role kept the review edits', async () => {
    await press('[aria-label="Edit Platform Reliability Engineer"]');
    await waitForText('[data-testid="role-review"] h2', 'Edit “Platform Reliability Engineer”');
    const i = (await editorNames()).indexOf('Making Effective Decisions');
    const priority = await browser.$(`#crit-${i}-priority`).getValue();
    if (priority !== 'desirable') throw new Error(`stored as ${priority}`);
    if ((await indicatorCount(i)) !== 1) throw new Error('the deleted indicator came back');
    await press('button=Cancel');
    await waitForText('[data-testid="roles-table"]', 'Platform Reliability Engineer');
  });
}
