// Moderation: a moderator starts moderation, reviews the board and its flags, opens the evidence,
// changes a score (a reason is required), signs off, finds the results locked, reopens with a
// reason and signs off again. Through the UI only.
/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, textOf, waitForText, shot, goTo, ctx, TIMEOUT } = t;
  const grid = '[data-testid="board-grid"]';
  const dialog = '[data-testid="candidate-evidence"]';
  const row = (ref) => `${grid} tr[data-testid="board-row"][data-reference="${ref}"]`;
  const wtSection = `${dialog} section[data-criterion="Working Together"]`;
  ctx.moderationReason =
    "Bo Member's evidence supports 3 and Alex Chair's 6 overstates it: 4 matches the written evidence.";

  async function selectOption(selector, text) {
    const select = browser.$(selector);
    await select.waitForEnabled({ timeout: TIMEOUT });
    const options = await select.$$('option');
    for (const option of options) {
      if ((await option.getProperty('textContent')).includes(text)) {
        await option.click();
        return;
      }
    }
    throw new Error(`${selector} has no option “${text}”`);
  }

  async function openEvidence(ref, name) {
    await browser.$(`${row(ref)} button`).click();
    await waitForText(`${dialog} h2`, `Evidence for ${ref} ${name}`);
  }

  async function closeEvidence() {
    await browser.$(`${dialog} header button`).click();
    await browser.$(dialog).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
  }

  await step('the moderator starts moderation and the board shows both candidates with the wide-spread flag', async () => {
    // Opening Moderation never changes who is signed in: Alex (the chair, signed in last) is
    // told that only a moderator may moderate; Mo signs in explicitly on Start.
    await goTo('moderation', 'Moderation');
    await selectOption('#pick-campaign', 'E2E campaign');
    await waitForText('[data-testid="header-user"]', 'Alex Chair');
    await waitForText('[data-testid="acting-moderator"]', 'Only a moderator of this campaign may moderate; you are working as Alex Chair');
    await goTo('start', 'Start');
    await selectOption('#user-login', 'Mo Moderator');
    await browser.$('button=Switch to this person').click();
    await waitForText('[data-testid="header-user"]', 'Mo Moderator');
    await goTo('moderation', 'Moderation');
    await selectOption('#pick-campaign', 'E2E campaign');
    await waitForText('[data-testid="acting-moderator"]', 'You moderate this campaign as Mo Moderator');
    await waitForText('[data-testid="campaign-state"]', 'Scoring');
    await browser.$('button=Start moderation').click();
    await waitForText('[data-testid="campaign-state"]', 'In moderation');
    await waitForText('[data-testid="board-count"]', 'Showing 2 of 2 candidates');
    await waitForText(row('C-001'), 'Zoë Łukasiewicz');
    await waitForText(row('C-002'), 'Siobhán Ó Briain');
    // The row names its flags; their reasons come on request (opening, hovering or focusing the
    // flags), below the board and on the cell (tooltip and screen-reader text).
    await waitForText(`${row('C-002')} td.flags`, 'Wide spread');
    await browser.$(`${row('C-002')} td.flags button`).click();
    await waitForText('[data-testid="flag-reasons"]', 'from 3 to 6');
    await waitForText(`${row('C-002')} td[data-criterion="Working Together"]`, 'from 3 to 6');
    // Flags are ranked: a wide spread is "check", not "needs attention".
    const severity = await browser.$(`${row('C-002')} td.flags`).getAttribute('data-severity');
    if (severity !== 'medium') throw new Error(`C-002's wide spread is ranked “${severity}”, not medium`);
    const title = await browser.$(`${row('C-002')} td[data-criterion="Working Together"]`).getAttribute('title');
    if (!/Working Together from 3 to 6 \(spread 3/.test(title)) throw new Error(`cell tooltip lacks the reason: “${title}”`);
    await shot('60-board');
  });

  await step('Ref, Name, Total, Outcome and Flags stay in view when the board scrolls sideways', async () => {
    const placed = await browser.execute((sel) => {
      const grid = document.querySelector(sel);
      grid.scrollLeft = grid.scrollWidth;
      const box = grid.getBoundingClientRect();
      const row = grid.querySelector('tr[data-testid="board-row"]');
      const inside = (cell) => {
        const r = cell.getBoundingClientRect();
        return r.left >= box.left - 1 && r.right <= box.right + 1;
      };
      const out = ['stick-ref', 'stick-name', 'stick-total', 'stick-outcome', 'stick-flags'].filter(
        (c) => !inside(row.querySelector(`td.${c}`)),
      );
      grid.scrollLeft = 0;
      return out;
    }, grid);
    if (placed.length) throw new Error(`scrolled right, these columns left the view: ${placed.join(', ')}`);
  });

  await step('"Needs attention" is a filter of its own, apart from routine flags', async () => {
    await selectOption('#filter-flag', 'Needs attention');
    await waitForText('[data-testid="board-count"]', 'Showing 0 of 2 candidates');
    await selectOption('#filter-flag', 'All candidates');
    await waitForText('[data-testid="board-count"]', 'Showing 2 of 2 candidates');
  });

  await step('filtering by flag kind keeps only flagged candidates; the anonymised view hides names', async () => {
    await selectOption('#filter-flag', 'Wide spread');
    await waitForText('[data-testid="board-count"]', 'Showing 1 of 2 candidates');
    if ((await textOf(grid)).includes('C-001')) throw new Error('C-001 has no wide-spread flag but is still shown');
    await selectOption('#filter-flag', 'All candidates');
    await waitForText('[data-testid="board-count"]', 'Showing 2 of 2 candidates');

    await browser.$('#anonymised').click();
    await browser.waitUntil(async () => !(await textOf(grid)).includes('Łukasiewicz'), {
      timeout: TIMEOUT,
      timeoutMsg: 'the anonymised view still shows names',
    });
    const text = await textOf(grid);
    for (const hidden of ['Zoë', 'Siobhán', 'Ó Briain']) {
      if (text.includes(hidden)) throw new Error(`the anonymised view shows “${hidden}”`);
    }
    if (!text.includes('C-001') || !text.includes('C-002')) throw new Error('the anonymised view lost the references');
    await browser.$('#anonymised').click();
    await waitForText(row('C-001'), 'Zoë Łukasiewicz');
  });

  await step('the candidate evidence shows every member’s score and evidence', async () => {
    await openEvidence('C-002', 'Siobhán Ó Briain');
    await waitForText(wtSection, 'Alex Chair');
    await waitForText(wtSection, 'Bo Member');
    await waitForText(wtSection, 'members scored Working Together from 3 to 6');
    await waitForText(wtSection, "Panel's agreed score");
    await shot('61-candidate-evidence');
  });

  await step('changing a score without a reason shows the core’s message; with a reason it is moderated', async () => {
    await selectOption(`${wtSection} select`, '4 —');
    await browser.$(`${wtSection} button[type="submit"]`).click();
    await waitForText('[data-testid="evidence-error"]', 'a reason is required when the moderated score differs');
    await browser.$(`${wtSection} textarea`).setValue(ctx.moderationReason);
    await browser.$(`${wtSection} button[type="submit"]`).click();
    await waitForText('[data-testid="evidence-notice"]', 'Moderated score recorded for Working Together');
    await waitForText(`${wtSection} [data-testid="final-score"]`, 'Final: 4 (moderated)');
    await waitForText(`${wtSection} [data-testid="moderation-record"]`, ctx.moderationReason);
    await closeEvidence();
    const cell = browser.$(`${row('C-002')} td[data-criterion="Working Together"]`);
    await waitForText(`${row('C-002')} td[data-criterion="Working Together"]`, 'moderated to 4 (agreed 5)');
    if (!(await cell.getAttribute('class')).includes('moderated')) throw new Error('the cell is not marked moderated');
  });

  // Before sign-off: once signed off, Results locks the field.
  await step('"Posts to fill" shows the posts in effect, and Set with it unchanged keeps them', async () => {
    await goTo('results', 'Results');
    await waitForText('[data-testid="results-summary"]', '1 on the reserve list');
    const shown = await browser.$('#posts').getValue();
    if (shown !== '1') throw new Error(`Posts to fill shows “${shown}”, not the 1 post in effect`);
    await browser.$('button=Set').click();
    await waitForText('[data-testid="results-notice"]', 'Posts to fill stays at 1');
    await waitForText('[data-testid="results-summary"]', '1 on the reserve list');
    if ((await browser.$('#posts').getValue()) !== '1') throw new Error('Set with an unchanged field changed the posts');
    await goTo('moderation', 'Moderation');
  });

  await step('sign-off asks first, listing the open flags and ties; Cancel changes nothing', async () => {
    await browser.$('button=Sign off results…').click();
    const confirm = '[data-testid="signoff-confirmation"]';
    await waitForText(confirm, 'Sign off the results of E2E campaign as Mo Moderator?');
    await waitForText(confirm, 'Still open:');
    await waitForText(confirm, 'Wide spread');
    await waitForText(confirm, 'No ties.');
    await shot('62-signoff-confirm');
    await browser.$(confirm).$("button=Cancel").click();
    await browser.$(confirm).waitForExist({ reverse: true, timeout: TIMEOUT });
    await waitForText('[data-testid="campaign-state"]', 'In moderation');
  });

  await step('signing off locks the results; a further change fails with the locked message', async () => {
    await browser.$('button=Sign off results…').click();
    await browser.$('#signoff-confirm').click();
    await waitForText('[data-testid="campaign-state"]', 'Signed off');
    await waitForText('[data-testid="signoff-history"]', 'Signed off by Mo Moderator');
    await shot('63-signed-off');
    await openEvidence('C-002', 'Siobhán Ó Briain');
    await selectOption(`${wtSection} select`, '5 —');
    await browser.$(`${wtSection} textarea`).setValue('Trying to change a signed-off result.');
    await browser.$(`${wtSection} button[type="submit"]`).click();
    await waitForText('[data-testid="evidence-error"]', 'The results are signed off and locked. A moderator must reopen them');
    await waitForText('[data-testid="evidence-error"]', 'Error code: locked');
    await closeEvidence();
    await waitForText(`${row('C-002')} td[data-criterion="Working Together"]`, 'moderated to 4');
  });

  await step('reopening needs a reason; signing off again locks once more', async () => {
    await browser.$('#reopen-reason').setValue('Appeal received: checking the Working Together evidence again.');
    await browser.$('button=Reopen results').click();
    await waitForText('[data-testid="campaign-state"]', 'In moderation');
    await waitForText('[data-testid="signoff-history"]', 'Reopened by Mo Moderator');
    await waitForText('[data-testid="signoff-history"]', 'Appeal received');
    await browser.$('button=Sign off results…').click();
    await browser.$('#signoff-confirm').click();
    await waitForText('[data-testid="campaign-state"]', 'Signed off');
    const history = await browser.$$('[data-testid="signoff-history"] li').length;
    if (history !== 3) throw new Error(`sign-off history has ${history} entries, not 3`);
  });
}
