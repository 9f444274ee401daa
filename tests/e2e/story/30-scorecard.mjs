// Scorecards: from the reviewed role, a three-criterion interview scorecard on the Civil
// Service 1–7 scale, previewed as a panel member sees it, then saved. Leaves its title and
// criteria in ctx for the campaign chapters.

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
  const title = 'E2E interview';
  // Checked against the importer's extraction of demo-role.md (chapter 25 and tests/import_jd.rs).
  const wanted = ['Seeing the Big Picture', 'Working Together', 'Delivering at Pace'];

  /** [name, included] of every row of the builder, in order. */
  const rows = () =>
    browser.execute(() =>
      [...document.querySelectorAll('[data-testid="builder-criterion"]')].map((li) => [
        li.querySelector('label').textContent.split(':')[0].trim(),
        li.querySelector('input[type="checkbox"]').checked,
      ]),
    );
  /** Picks the option of `select` whose text contains `text`, as a user would. */
  async function choose(select, text) {
    const el = await browser.$(select);
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
    await el.$(`option*=${text}`).click();
    const picked = await browser.execute((s) => {
      const el = document.querySelector(s);
      return el.options[el.selectedIndex]?.textContent ?? '';
    }, select);
    if (!picked.includes(text)) throw new Error(`${select} shows “${picked}”, not “${text}”`);
  }

  await step('a scorecard starts from the reviewed role with the Civil Service scale and its descriptors', async () => {
    await goTo('scorecard', 'Scorecards');
    await waitForText('main', 'No scorecards yet');
    await choose('#sc-role', 'Platform Reliability Engineer');
    await browser.$('#sc-title').setValue(title);
    await press('button=Start scorecard');
    await waitForText('[data-testid="scorecard-builder"] h2', 'Build a new scorecard');
    await waitForText('[data-testid="scale-points"]', 'Civil Service 1–7: 7 points');
    await waitForText('[data-testid="scale-points"]', 'Acceptable Demonstration');
    await waitForText('[data-testid="scale-points"]', 'Wholly exceeds expectation at this level');
    const names = (await rows()).map(([n]) => n);
    for (const name of wanted) {
      if (!names.includes(name)) throw new Error(`the draft lacks “${name}”: ${names.join(', ')}`);
    }
  });

  await step('exactly three criteria, in order, pass mark 4 each, overall 12, tie-break and a question', async () => {
    // Leave out everything else.
    for (const [k, [name, on]] of (await rows()).entries()) {
      if (on !== wanted.includes(name)) await press(`#sc-${k}-include`);
    }
    // Put the three first, in the wanted order, with the move buttons.
    for (const [k, name] of wanted.entries()) {
      let at = (await rows()).findIndex(([n]) => n === name);
      while (at > k) {
        await press(`#sc-${at}-up`);
        at -= 1;
      }
    }
    const included = (await rows()).filter(([, on]) => on).map(([n]) => n);
    if (included.join('|') !== wanted.join('|')) throw new Error(`included: ${included.join(', ')}`);
    for (const k of [0, 1, 2]) {
      const pass = await browser.$(`#sc-${k}-pass`).getValue();
      if (pass !== '4') await choose(`#sc-${k}-pass`, '4 – Acceptable Demonstration');
    }
    await browser.$('#sc-overall').setValue('12');
    await choose('#sc-tiebreak', 'Seeing the Big Picture');
    await press('[aria-label="Add question for Seeing the Big Picture"]');
    await browser
      .$('textarea[aria-label="Question 1 for Seeing the Big Picture"]')
      .setValue('Tell us about a time you changed a plan because of something coming up in the wider organisation.');
    await waitForText('[data-testid="scorecard-builder"] fieldset:nth-of-type(2) legend', '3 of');
    await browser.execute(() => document.querySelector('main').scrollTo(0, 0));
    await shot('30-scorecard-builder');
  });

  await step('a pass mark not on the scale is refused with the core’s message', async () => {
    await choose('#sc-scale', 'Custom scale');
    for (const k of [7, 6, 5, 4]) await press(`[aria-label="Delete point ${k}"]`);
    await press('button=Save scorecard');
    await waitForText('[role="alert"]', 'is not a point of the scale');
    await waitForText('[data-testid="save-error"]', 'is not a point of the scale');
    await press('button=Dismiss');
    await choose('#sc-scale', 'Civil Service 1–7');
    await waitForText('[data-testid="scale-points"]', 'Civil Service 1–7: 7 points');
  });

  await step('exercises: a presentation beside the interview, the matrix, refused while it assesses nothing', async () => {
    await press('#sc-ex-add');
    await waitForText('[data-testid="builder-exercises"] legend', '2 exercises');
    const name = await browser.$('[aria-label="Name of exercise 2"]');
    await name.clearValue();
    await name.setValue('Presentation');
    await choose('select[aria-label="Kind of exercise 2"]', 'Presentation');
    await waitForText('[data-testid="exercise-matrix"]', 'Which criteria each exercise assesses');
    // A new exercise assesses nothing yet: the core refuses to save it, naming it.
    await press('button=Save scorecard');
    await waitForText('[data-testid="save-error"]', 'assesses no criterion');
    await press('button=Dismiss');
    await press('[aria-label="Working Together in Presentation"]');
    await choose('#sc-combine', 'Mean');
    await browser.$('[data-testid="builder-exercises"]').scrollIntoView({ block: 'start' });
    await shot('32-scorecard-exercises');
    // This story's campaign is one interview: the presentation goes again.
    await press('[aria-label="Remove exercise 2"]');
    await waitForText('[data-testid="builder-exercises"] legend', '1 exercise');
  });

  await step('the preview shows the scorecard as a panel member will see it', async () => {
    await press('button=Preview as a panel member');
    await waitForText('[data-testid="scorecard-preview"]', 'Nothing you choose here is saved');
    const cards = await browser.$$('[data-testid="preview-criterion"]');
    if (cards.length !== 3) throw new Error(`the preview shows ${cards.length} criteria`);
    const first = await textOf('[data-testid="preview-criterion"]');
    for (const part of ['1. Seeing the Big Picture', 'Pass mark 4', 'Anticipates changes in technology', 'Tell us about a time', 'Outstanding Demonstration']) {
      if (!first.includes(part)) throw new Error(`the first preview card lacks “${part}”: ${first}`);
    }
    const four = browser.$('[data-testid="preview-criterion"]').$('button*=Acceptable Demonstration');
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), await four);
    await four.click();
    await waitForText('[data-testid="preview-criterion"] .descriptor', '4 Acceptable Demonstration: Adequate positive evidence');
    await browser.$('[data-testid="scorecard-preview"]').scrollIntoView({ block: 'start' });
    await shot('31-scorecard-preview');
  });

  await step('the scorecard is saved and listed', async () => {
    await press('button=Save scorecard');
    await waitForText('main [role="status"]', `Saved “${title}” with 3 criteria`);
    await waitForText('[data-testid="scorecards-table"]', title);
    const row = await textOf('[data-testid="scorecards-table"] tbody tr');
    for (const part of ['Seeing the Big Picture, Working Together, Delivering at Pace', 'Civil Service 1–7', '12']) {
      if (!row.includes(part)) throw new Error(`the scorecard row “${row}” lacks ${part}`);
    }
    ctx.scorecardTitle = title;
    ctx.scorecardCriteria = wanted;
  });
}
