// Audit log: HR (who reads the whole log) signs back in; the story's events are listed under
// each person's login, filters narrow them, the chain verifies.
import { chooseOption } from './40-campaign.mjs';

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, waitForText, shot, goTo } = t;
  await step('the audit log lists the story and the chain verifies intact', async () => {
    await goTo('start', 'Start');
    await chooseOption(browser, '#user-login', 'Priya E2E');
    await browser.$('button=Switch to this person').click();
    await waitForText('[data-testid="header-user"]', 'Priya E2E');
    await goTo('audit', 'Audit log');
    // The table draws the rows in its window (the newest): Priya's setup is further back, so
    // her events are found by the filter.
    await waitForText('[data-testid="audit-older"]', 'Start of the log: no older events.');
    await browser.$('#filter-actor').setValue('priya.e2e');
    await browser.$('button=Apply').click();
    await waitForText('[data-testid="audit-table"]', 'priya.e2e');
    await waitForText('[data-testid="audit-older"]', 'Start of the log for these filters: no older events.');
    await browser.$('button=Clear').click();
    // The story's log is under one page (500 events): the end of the list says so.
    await waitForText('[data-testid="audit-older"]', 'Start of the log: no older events.');
    await browser.$('button=Verify chain').click();
    await waitForText('[data-testid="verify-result"]', 'Chain intact:');
    await waitForText('[data-testid="verify-result"]', 'head');
    await shot('90-audit-verified');
  });

  await step('the chain head is shown signed, and pasted back it holds (through the signed-in session)', async () => {
    const code = browser.$('[data-testid="audit-head"] code');
    await browser.waitUntil(async () => /^\d+:[0-9a-f]{64} key=/.test((await code.getAttribute('title')) ?? ''), {
      timeout: 10_000,
      timeoutMsg: 'the audit head never showed a signed anchor',
    });
    await waitForText('[data-testid="audit-head"]', 'signed with this installation’s key');
    const anchor = await code.getAttribute('title');
    await browser.$('#anchor-input').setValue(anchor);
    await browser.$('button=Check anchor').click();
    await waitForText('[data-testid="anchor-result"]', 'The log still holds');
    await waitForText('[data-testid="anchor-result"]', 'signed by key');
  });

  await step('the audit filters are in plain words and narrow the list', async () => {
    const whole = (await browser.$('[data-testid="audit-table"] caption').getText()).trim();
    await chooseOption(browser, '#filter-action', 'Role created');
    await browser.$('button=Apply').click();
    await waitForText('[data-testid="audit-table"]', 'Role created');
    const actions = await browser.$$('[data-testid="audit-table"] tbody tr[aria-rowindex]').map((row) => row.getProperty('textContent'));
    if (actions.length === 0 || actions.some((text) => !String(text).includes('role.create'))) {
      throw new Error(`the action filter let other events through: ${actions.join(' | ')}`);
    }
    await chooseOption(browser, '#filter-action', 'Score moderated');
    await chooseOption(browser, '#filter-campaign', 'E2E campaign');
    await browser.$('button=Apply').click();
    await waitForText('[data-testid="audit-table"]', 'Score moderated');
    await waitForText('[data-testid="audit-table"]', 'mo.moderator');
    // The entity column names things ("Campaign “E2E campaign” › candidate …"), the key in small print.
    await waitForText('[data-testid="audit-table"]', 'Campaign “E2E campaign”');
    await shot('91-audit-filtered');
    await browser.$('#filter-actor').setValue('Nobody At All');
    await browser.$('button=Apply').click();
    await waitForText('main', 'No events match these filters');
    await browser.$('button=Clear').click();
    // The whole log again (its newest rows drawn, role.create among the oldest).
    await waitForText('[data-testid="audit-table"] caption', whole);
  });
}
