// Interview scoring: Alex (chair) and Bo (member) score both candidates from the keyboard —
// digits, Tab/arrows through the indicators, notes, Ctrl+Enter — with autosave; Bo sees none of
// Alex's scores before submitting; after submitting each sees both; Alex records the six agreed
// scores with rationales. C-002 "Working Together" gets 6 from Alex and 3 from Bo (a wide
// spread for the moderation board). The campaign stays in scoring.
import { Key } from 'webdriverio';
import { chooseOption } from './40-campaign.mjs';

const CRITERIA = ['Seeing the Big Picture', 'Working Together', 'Delivering at Pace'];
const SCORES = {
  'Alex Chair': { 'C-001': [5, 4, 6], 'C-002': [4, 6, 5] },
  'Bo Member': { 'C-001': [5, 5, 5], 'C-002': [4, 3, 4] },
};
const AGREED = { 'C-001': [5, 5, 6], 'C-002': [4, 5, 5] };

const evidence = (who, ref, criterion) =>
  `${who.split(' ')[0]} on ${ref}, ${criterion}: gave a specific example with the outcome and what they learnt.`;

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, textOf, waitForText, shot, goTo, TIMEOUT } = t;

  /** Switches identity explicitly on Start, as a person at a shared laptop would. */
  async function becomes(name) {
    await goTo('start', 'Start');
    await chooseOption(browser, '#user-login', name);
    await browser.$('button=Switch to this person').click();
    await waitForText('[data-testid="header-user"]', name);
    await waitForText('[data-testid="current-user"]', `Local file: you are working as ${name}`);
    await chooseOption(browser, '#identity-campaign', 'E2E campaign');
    await waitForText('[data-testid="current-identity"]', `In this campaign you are: ${name}`);
    await goTo('scoring', 'Scoring');
    // The first time in the campaign, a member states their conflicts of interest: none here.
    const conflictStep = () => browser.$('[data-testid="conflict-step"]').isExisting();
    const scoringWho = () => browser.$('[data-testid="scoring-who"]').isExisting();
    await browser.waitUntil(async () => (await conflictStep()) || (await scoringWho()), { timeout: TIMEOUT });
    if (await conflictStep()) await browser.$('button=I have no conflicts').click();
    await waitForText('[data-testid="scoring-who"]', name);
  }

  async function focusedId() {
    return browser.execute(() => document.activeElement?.id ?? '');
  }

  /** Presses Tab until the element with `id` has focus (at most `max` presses). */
  async function tabTo(id, max = 20) {
    for (let i = 0; i < max; i++) {
      if ((await focusedId()) === id) return;
      await browser.keys('Tab');
    }
    throw new Error(`${max} presses of Tab never reached #${id}; focus is on #${await focusedId()}`);
  }

  /**
   * Scores one candidate on every criterion with the keyboard alone: the candidate is found
   * by typing in the search box (or is already open, via "Next candidate"), digits score, Tab
   * and the arrows mark an indicator, the notes are typed, Ctrl+Enter moves on. Leaves focus
   * on Submit.
   */
  /**
   * Types `text` one key at a time. WebKitWebDriver drops the second of two identical keys sent
   * in one action sequence ("C-001" arrived as "C-01"), which a person typing never sees.
   */
  async function typeKeys(text) {
    for (const ch of text) await browser.keys(ch);
  }

  async function scoreCandidate(who, ref, { screenshot, opened = false } = {}) {
    if (!opened) {
      await browser.execute(() => document.querySelector('main h1')?.focus());
      await tabTo('candidate-search');
      await typeKeys(ref);
      await waitForText('[data-testid="candidate-list"]', ref);
      await browser.keys('Tab'); // the first (only) match
      await browser.keys('Enter');
    }
    for (let i = 0; i < CRITERIA.length; i++) {
      const value = SCORES[who][ref][i];
      await waitForText('#criterion-heading', CRITERIA[i]);
      if ((await focusedId()) !== 'criterion-heading') throw new Error(`focus is on #${await focusedId()}, not the criterion heading`);
      await browser.keys(String(value)); // a digit scores
      await waitForText('[data-testid="chosen-score"]', `${value} `);
      await waitForText(`[data-testid="step-value-${i}"]`, String(value));
      // Tab reaches the first indicator (its checked mark, "Unmarked"); ArrowRight marks it shown.
      await browser.keys('Tab');
      await browser.keys('ArrowRight');
      const shown = await browser.$('[data-testid="indicator-0"] input[value="shown"]').isSelected();
      if (!shown) throw new Error(`indicator 1 of ${CRITERIA[i]} is not marked shown`);
      // An indicator nobody touched stays unmarked: never saved as "not shown".
      const untouched = await browser.$('[data-testid="indicator-1"] input[value="unmarked"]');
      if ((await untouched.isExisting()) && !(await untouched.isSelected())) {
        throw new Error(`indicator 2 of ${CRITERIA[i]} does not start unmarked`);
      }
      await tabTo('evidence');
      await typeKeys(evidence(who, ref, CRITERIA[i]));
      await waitForText('[data-testid="save-status"]', 'Saved');
      if (screenshot && i === CRITERIA.length - 1) await shot(screenshot);
      await browser.keys([Key.Ctrl, 'Enter']); // next criterion, from inside the notes
    }
    // After the last criterion, Ctrl+Enter lands on Submit.
    if ((await focusedId()) !== 'submit-open') throw new Error(`focus is on #${await focusedId()}, not Submit`);
    await waitForText('[data-testid="overall-save"]', 'All changes saved');
  }

  async function submitFocused(ref, next) {
    await browser.keys('Enter'); // Submit… (focused)
    await waitForText('[data-testid="submit-confirmation"]', `Submit your scores for ${ref}`);
    if ((await focusedId()) !== 'submit-confirm') throw new Error('focus did not move to the confirmation');
    await browser.keys('Enter');
    await waitForText('[data-testid="panel-view"]', 'Your scores are submitted and final');
    await waitForText(`[data-testid="candidate-${ref}"]`, 'Submitted');
    if (next) {
      // The next candidate is one key away: "Next candidate" has focus.
      await waitForText('#next-candidate', `Next candidate: ${next}`);
      if ((await focusedId()) !== 'next-candidate') throw new Error(`after submitting, focus is on #${await focusedId()}, not Next candidate`);
    }
  }

  await step('a digit pressed outside the scoring form (the side menu) scores nothing', async () => {
    await becomes('Alex Chair');
    await waitForText('[data-testid="candidate-C-001"]', 'Not started');
    await waitForText('[data-testid="key-hint"]', 'to mark it');
    await browser.execute(() => document.querySelector('nav button[data-screen="results"]')?.focus());
    await browser.keys('3');
    await browser.keys('n');
    await browser.pause(600); // longer than the autosave delay: nothing may be sent
    for (let i = 0; i < CRITERIA.length; i++) {
      const v = await textOf(`[data-testid="step-value-${i}"]`);
      if (v !== '–') throw new Error(`pressing 3 on the side menu set ${CRITERIA[i]} to “${v}”`);
    }
    const saved = await textOf('[data-testid="save-status"]');
    if (saved !== '') throw new Error(`pressing 3 on the side menu started a save: “${saved}”`);
    await waitForText('main h1', 'Scoring'); // and the screen did not change
  });

  await step('Alex (chair) scores C-001 with the keyboard alone; every change is saved', async () => {
    await scoreCandidate('Alex Chair', 'C-001', { screenshot: '50-scoring' });
    await waitForText('[data-testid="candidate-C-001"]', '3 of 3 scored');
  });

  await step('Alex submits C-001 after confirming; agreeing is refused until Bo submits', async () => {
    await submitFocused('C-001', 'C-002');
    await waitForText('[data-testid="submitted-note"]', 'Not yet submitted: Bo Member');
    await waitForText('[data-testid="member-score-Bo Member-c2"]', 'Not submitted yet');
    await chooseOption(browser, '#agree-value-c1', '5 Good Demonstration');
    await browser.$('#agree-rationale-c1').setValue('Too early');
    await browser.$('[data-testid="panel-c1"]').$('button=Record agreed score').click();
    await waitForText('[data-testid="agree-problem-c1"]', 'only after every member has submitted; waiting for Bo Member');
  });

  await step('Alex goes on to C-002 with one key, scores and submits it (Working Together: 6)', async () => {
    await browser.execute(() => document.getElementById('next-candidate')?.focus());
    await browser.keys('Enter');
    await scoreCandidate('Alex Chair', 'C-002', { opened: true });
    await submitFocused('C-002');
  });

  await step('Bo sees none of Alex’s scores before submitting', async () => {
    await becomes('Bo Member');
    await waitForText('[data-testid="candidate-C-001"]', 'Not started');
    for (const ref of ['C-001', 'C-002']) {
      await browser.$(`[data-testid="candidate-${ref}"]`).click();
      await waitForText('#criterion-heading', CRITERIA[0]);
      if (await browser.$('[data-testid="panel-view"]').isExisting()) throw new Error(`Bo sees the panel view of ${ref}`);
      const page = await textOf('main');
      for (const leak of ['Alex Chair', 'Alex on']) {
        if (page.includes(leak)) throw new Error(`Bo's screen for ${ref} shows “${leak}” before Bo submitted`);
      }
      for (let i = 0; i < CRITERIA.length; i++) {
        const v = await textOf(`[data-testid="step-value-${i}"]`);
        if (v !== '–') throw new Error(`Bo's ${CRITERIA[i]} for ${ref} shows “${v}” before scoring`);
      }
    }
  });

  await step('Bo scores and submits both; afterwards Bo sees Alex’s scores beside his own', async () => {
    await scoreCandidate('Bo Member', 'C-001');
    await submitFocused('C-001', 'C-002');
    await waitForText('[data-testid="submitted-note"]', 'Every member has submitted');
    await scoreCandidate('Bo Member', 'C-002');
    await submitFocused('C-002');
    await waitForText('[data-testid="panel-c2"]', 'You (Bo Member)');
    await waitForText('[data-testid="panel-c2"]', 'Alex Chair');
    await waitForText('[data-testid="member-score-Alex Chair-c2"]', '6 Strong Demonstration');
    await waitForText('[data-testid="member-score-Alex Chair-c2"]', 'Alex on C-002, Working Together');
    await waitForText('[data-testid="member-score-Bo Member-c2"]', '3 Moderate Demonstration');
    await waitForText('[data-testid="panel-c2"]', 'range 3–6');
    await browser.$('[data-testid="panel-c2"]').scrollIntoView({ block: 'start' });
    await shot('51-after-submit');
  });

  await step('Alex records the panel’s agreed score for all six with rationales', async () => {
    await becomes('Alex Chair');
    for (const ref of ['C-001', 'C-002']) {
      await browser.$(`[data-testid="candidate-${ref}"]`).click();
      await waitForText('[data-testid="submitted-note"]', 'Every member has submitted');
      for (let i = 0; i < CRITERIA.length; i++) {
        const key = `c${i + 1}`;
        const value = AGREED[ref][i];
        await chooseOption(browser, `#agree-value-${key}`, `${value} `);
        await browser.$(`#agree-rationale-${key}`).setValue(`Panel agreed ${value} for ${ref}: the evidence of both members supports it.`);
        await browser.$(`[data-testid="panel-${key}"]`).$('button=Record agreed score').click();
        await waitForText(`[data-testid="agreed-${key}"]`, `Agreed ${value} `);
        await waitForText(`[data-testid="agreed-${key}"]`, 'recorded by Alex Chair');
        // Once recorded, the form folds away behind “Change…”.
        await browser.$(`#agree-value-${key}`).waitForExist({ reverse: true, timeout: TIMEOUT });
      }
    }
    await browser.$('[data-testid="panel-c2"]').scrollIntoView({ block: 'start' });
    await shot('52-agree');
  });
}
