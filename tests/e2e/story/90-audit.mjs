// Audit log: HR (who reads the whole log) signs back in; the story's events are listed under
// each person's login, filters narrow them, the chain verifies.
import { chooseOption } from './40-campaign.mjs';
import { rowsKeyboard } from '../rows.mjs';

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

  await keyboardThroughTheLog(t);
}

/** @param {import('../harness.mjs').Story} t */
export async function keyboardThroughTheLog(t) {
  const { browser, step, shot } = t;
  await step('the keyboard reaches every event of the audit log, past the rows drawn, down and up', async () => {
    const { where, press, expectAt, upFromTheEnd } = rowsKeyboard(browser, '[data-testid="audit-table"]', 'seq');
    // From the filters' Apply button, Tab enters the table at its one stop: the newest event.
    await browser.execute(() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Apply').focus());
    await press('Tab');
    await expectAt(2, 'Tab into the table');
    const start = await where();
    if (start.rowcount - 1 <= start.last - 1) {
      throw new Error(`the story's log (${start.rowcount - 1} events) has no more events than are drawn (${start.last - 1})`);
    }
    // Down past the last row drawn: the next event is drawn, focused and scrolled into view.
    await press('ArrowDown', start.last - 2 + 1);
    await expectAt(start.last + 1, `ArrowDown past the last drawn row (${start.last})`);
    // Tab leaves the table (through the row's own Details button); Shift+Tab comes back to
    // the same event, not to the last row drawn.
    const here = start.last + 1;
    await press('Tab');
    if ((await where()).tag === 'BUTTON' && (await where()).row === here) await press('Tab');
    if ((await where()).row !== null) throw new Error(`Tab stayed in the table: ${JSON.stringify(await where())}`);
    await press(['Shift', 'Tab']);
    await expectAt(here, 'Shift+Tab back into the table');
    // The oldest event read, then up past the first row drawn at that end.
    await upFromTheEnd(start.rowcount);
    await shot('92-audit-keyboard');
    await press('Home');
    await expectAt(2, 'Home');
  });
}
