// The Scoring screen's candidate list by keyboard, on a panel longer than the rows the list
// draws. The 80-candidate demo of the board's chapter has four panels of 20, and at 1280×800
// the list draws about 21 rows (the rows in view and 8 either side): a whole panel, nothing
// to walk past. So this chapter makes its own demo of 200 candidates (four panels of 50) and
// signs in as Panel A's chair, Amara Okafor (src/demo.rs). The list is one Tab stop; the keys
// reach every candidate, past the rows drawn, down and up; Enter opens the focused candidate
// in the form. The demo is left in moderation, every score submitted: the form shows the
// panel's scores for the candidate opened.
import { axeViolations } from '../harness.mjs';
import { rowsKeyboard } from '../rows.mjs';
import { chooseOption } from './40-campaign.mjs';

const CANDIDATES = 200;
/** Panel A's chair in every demo (src/demo.rs: ASSESSORS[0]); the panel has every 4th candidate. */
const CHAIR = 'Amara Okafor';
const PANEL = CANDIDATES / 4;

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, waitForText, shot, goTo, TIMEOUT } = t;
  const list = '[data-testid="candidate-list"]';
  const keyboard = rowsKeyboard(browser, list, 'reference');

  await step(`${CHAIR} (a demo panel's chair) opens Scoring on a demo of ${CANDIDATES} candidates, ${PANEL} on her panel`, async () => {
    // The demo is made by the HR administrator (the moderator of the board's chapter cannot).
    await goTo('start', 'Start');
    await chooseOption(browser, '#user-login', 'Priya E2E');
    await browser.$('button=Switch to this person').click();
    await waitForText('[data-testid="header-user"]', 'Priya E2E');
    await goTo('moderation', 'Moderation');
    const demo = browser.$('details.demo');
    if (!(await demo.getProperty('open'))) await demo.$('summary').click();
    await browser.$('#demo-size').setValue(String(CANDIDATES));
    const before = await browser.execute(() => [...document.querySelectorAll('#pick-campaign option')].map((o) => o.value));
    await browser.$('button=Create demo campaign').click();
    // Made, it is picked: its id (every demo has the same name, the same seed).
    const id = await browser.waitUntil(
      () =>
        browser.execute((known) => {
          const select = document.querySelector('#pick-campaign');
          return select && !known.includes(select.value) ? select.value : false;
        }, before),
      { timeout: 60_000, timeoutMsg: 'the demo campaign was not made and picked' },
    );
    await goTo('start', 'Start');
    await chooseOption(browser, '#user-login', CHAIR);
    await browser.$('button=Switch to this person').click();
    await waitForText('[data-testid="header-user"]', CHAIR);
    const select = browser.$('#identity-campaign');
    await select.waitForEnabled({ timeout: TIMEOUT });
    await browser.waitUntil(() => browser.execute((v) => [...document.querySelectorAll('#identity-campaign option')].some((o) => o.value === v), id), {
      timeout: TIMEOUT,
      timeoutMsg: `the new demo (${id}) is not among ${CHAIR}'s campaigns`,
    });
    await select.selectByAttribute('value', id);
    await waitForText('[data-testid="current-identity"]', `${CHAIR} — `);
    await goTo('scoring', 'Scoring');
    await waitForText('[data-testid="scoring-who"]', CHAIR);
    await waitForText('.candidates h2', `${PANEL} of ${PANEL} submitted`);
    await browser.$(`${list} [aria-posinset]`).waitForDisplayed({ timeout: TIMEOUT });
  });

  await step('the page fits the window at 1280×800; the candidate list scrolls inside its own box, which ends in the window', async () => {
    const fit = await browser.execute((sel) => {
      document.querySelector('main').scrollTop = 0;
      const box = document.querySelector(sel);
      return {
        window: `${innerWidth}×${innerHeight}`,
        innerHeight,
        pageHeight: document.scrollingElement.scrollHeight,
        listBottom: Math.round(box.getBoundingClientRect().bottom * 10) / 10,
        listScrolls: box.scrollHeight > box.clientHeight,
        drawn: box.querySelectorAll('[aria-posinset]').length,
        setsize: Number(box.querySelector('[aria-setsize]')?.getAttribute('aria-setsize')),
      };
    }, list);
    console.log(`     scoring list at ${fit.window}: ${fit.drawn} of ${fit.setsize} rows drawn, box bottom ${fit.listBottom}, page ${fit.pageHeight}`);
    const fits = fit.pageHeight <= fit.innerHeight + 1 && fit.listBottom <= fit.innerHeight + 1;
    if (fit.window !== '1280×800' || !fits || !fit.listScrolls) throw new Error(`Scoring does not fit the window: ${JSON.stringify(fit)}`);
  });

  await step('the keyboard reaches every candidate on the panel, past the rows drawn, down and up, and Enter opens one', async () => {
    const { where, press, expectAt, upFromTheEnd } = keyboard;
    // From the search box (the last control before the list), Tab enters it at its one stop:
    // the open candidate, the panel's first (every candidate is submitted).
    await browser.execute(() => document.getElementById('candidate-search').focus());
    await press('Tab');
    await expectAt(1, 'Tab into the list (from the search box)');
    const stops = await browser.execute((sel) => document.querySelectorAll(`${sel} [tabindex="0"]`).length, list);
    if (stops !== 1) throw new Error(`the list has ${stops} rows in the Tab order, not 1`);
    const start = await where();
    if (start.rowcount !== PANEL) throw new Error(`aria-setsize is ${start.rowcount}, not ${PANEL}`);
    if (start.last >= start.rowcount) throw new Error(`the list draws all ${start.rowcount} candidates: nothing to walk past`);
    // Down past the last row drawn (Page Down, then the arrows): drawn, focused, scrolled into view.
    // Page Down: a page is the rows in the box, less one (48 px rows: CandidateList.svelte).
    const page = await browser.execute((sel) => Math.max(1, Math.floor(document.querySelector(sel).clientHeight / 48) - 1), list);
    await press('PageDown');
    await expectAt(1 + page, `Page Down (${page} rows)`);
    // The window of drawn rows may have moved with Page Down: ↓ past the last row drawn now.
    const paged = await where();
    await press('ArrowDown', paged.last - paged.row + 1);
    await expectAt(paged.last + 1, `ArrowDown past the last drawn row (${paged.last}; ${start.last} at the start)`);
    // The last candidate, then up past the first row drawn at that end.
    await upFromTheEnd(start.rowcount);
    const far = await where();
    await shot('98-scoring-keyboard');
    const violations = await axeViolations(browser);
    if (violations.length) throw new Error(`axe: ${JSON.stringify(violations)}`);
    // Enter opens the focused candidate (far from the one open): the form shows them.
    await openFocused(far.id);
    await expectAt(far.row, 'after opening the candidate');
    // Home: the first candidate; Enter opens them again.
    await press('Home');
    await expectAt(1, 'Home');
    await openFocused((await where()).id);
  });

  /** Enter on the focused row opens its candidate: the list marks them open, and the form (a
   * submitted candidate's panel scores) names them. */
  async function openFocused(reference) {
    const name = await browser.execute((sel, ref) => document.querySelector(`${sel} [data-reference="${ref}"] .name`)?.textContent.trim(), list, reference);
    await keyboard.press('Enter');
    await waitForText('#panel-heading', `${reference} ${name}: panel scores`);
    const current = await browser.execute((sel) => [...document.querySelectorAll(`${sel} [aria-current="true"]`)].map((b) => b.closest('[data-reference]').dataset.reference), list);
    if (current.length !== 1 || current[0] !== reference) throw new Error(`Enter on ${reference}: the list marks ${JSON.stringify(current)} open`);
  }
}
