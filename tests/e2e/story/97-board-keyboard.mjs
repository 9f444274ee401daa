// The moderation board by keyboard, on a board longer than the rows it draws: a demo campaign
// of 80 candidates (the story's own has two), made last so the earlier chapters' counts (the
// audit log's, the campaigns') are the story's alone. The board is one Tab stop; the keys
// reach every candidate, past the rows drawn, down and up; the focused row stays drawn when
// the board is scrolled away; Enter opens the candidate's evidence.
import { axeViolations } from '../harness.mjs';
import { rowsKeyboard } from '../rows.mjs';
import { chooseOption } from './40-campaign.mjs';

const CANDIDATES = 80;

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, waitForText, shot, goTo, TIMEOUT } = t;
  const grid = '[data-testid="board-grid"]';
  const dialog = '[data-testid="candidate-evidence"]';

  await step(`a demo campaign of ${CANDIDATES} candidates opens on the moderation board`, async () => {
    await goTo('moderation', 'Moderation');
    const demo = browser.$('details.demo');
    if (!(await demo.getProperty('open'))) await demo.$('summary').click();
    await browser.$('#demo-size').setValue(String(CANDIDATES));
    await browser.$('button=Create demo campaign').click();
    // Made, it is picked; only its moderator (made with it, src/demo.rs) may read its board.
    const name = await browser.waitUntil(
      () =>
        browser.execute(() => {
          const select = document.querySelector('#pick-campaign');
          const text = select?.options[select.selectedIndex]?.textContent ?? '';
          return text.includes('(demo') ? text.split(' — ')[0] : false;
        }),
      { timeout: 60_000, timeoutMsg: 'the demo campaign was not made and picked' },
    );
    await goTo('start', 'Start');
    await chooseOption(browser, '#user-login', 'Helen Marsh');
    await browser.$('button=Switch to this person').click();
    await waitForText('[data-testid="header-user"]', 'Helen Marsh');
    await goTo('moderation', 'Moderation');
    await chooseOption(browser, '#pick-campaign', name);
    await waitForText('[data-testid="acting-moderator"]', 'You moderate this campaign as Helen Marsh');
    await waitForText('[data-testid="board-count"]', `Showing ${CANDIDATES} of ${CANDIDATES} candidates`);
    await browser.$(`${grid} tr[data-testid="board-row"]`).waitForDisplayed({ timeout: TIMEOUT });
  });

  await step('the page fits the window: the board scrolls inside, its box and flag reasons end in the window', async () => {
    // At 1280×800 the board's box once ran 170 px past the window's bottom (a fixed max-height
    // under a header of any height), so the main column scrolled to reach the board's end.
    const fit = await browser.execute((sel) => {
      document.querySelector('main').scrollTop = 0;
      const board = document.querySelector(sel);
      const bottom = (el) => Math.round(el.getBoundingClientRect().bottom * 10) / 10;
      return {
        window: `${innerWidth}×${innerHeight}`,
        innerHeight,
        pageHeight: document.scrollingElement.scrollHeight,
        board: bottom(board),
        reasons: bottom(document.querySelector('[data-testid="flag-reasons"]')),
        boardScrolls: board.scrollHeight > board.clientHeight,
      };
    }, grid);
    const fits = fit.pageHeight <= fit.innerHeight + 1 && fit.board <= fit.innerHeight + 1 && fit.reasons <= fit.innerHeight + 1;
    if (!fits || !fit.boardScrolls) throw new Error(`the board does not fit the window: ${JSON.stringify(fit)}`);
  });

  await step('the keyboard reaches every candidate on the board, past the rows drawn, down and up', async () => {
    const { where, press, expectAt, upFromTheEnd } = rowsKeyboard(browser, `${grid} table`, 'reference');
    // From the last control above the board, Tab enters it at its one stop: the first candidate.
    const before = await browser.execute((sel) => {
      const board = document.querySelector(sel);
      const controls = [...document.querySelectorAll('button, select, input, textarea, summary, [tabindex]')].filter(
        (el) =>
          el.tabIndex >= 0 &&
          !el.disabled &&
          el.getClientRects().length > 0 &&
          el.compareDocumentPosition(board) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      controls.at(-1).focus();
      return controls.at(-1).outerHTML.slice(0, 80);
    }, grid);
    await press('Tab');
    await expectAt(2, `Tab into the board (from ${before})`);
    const stops = await browser.execute((sel) => document.querySelectorAll(`${sel} tbody tr[tabindex="0"]`).length, grid);
    if (stops !== 1) throw new Error(`the board has ${stops} rows in the Tab order, not 1`);
    const start = await where();
    if (start.rowcount !== CANDIDATES + 1) throw new Error(`aria-rowcount is ${start.rowcount}, not ${CANDIDATES + 1}`);
    if (start.rowcount <= start.last) {
      throw new Error(`the board (${start.rowcount - 1} candidates) draws them all (${start.last - 1}): nothing to walk past`);
    }
    // Down past the last row drawn: the next candidate is drawn, focused and scrolled into view.
    await press('ArrowDown', start.last - 1);
    const here = start.last + 1;
    await expectAt(here, `ArrowDown past the last drawn row (${start.last})`);
    // The wheel takes the board to its end: the focused row is still in the page, focused.
    await browser.execute((sel) => {
      const box = document.querySelector(sel);
      box.scrollTop = box.scrollHeight;
    }, grid);
    await browser
      .waitUntil(async () => (await where()).last === start.rowcount, { timeout: TIMEOUT, interval: 50 })
      .catch(async () => {
        throw new Error(`scrolled to the end, the last candidate was not drawn: ${JSON.stringify(await where())}`);
      });
    const away = await where();
    if (away.row !== here || away.inView) throw new Error(`scrolled away, the focus is not kept on row ${here}: ${JSON.stringify(away)}`);
    // One key brings it back into view, on the row above.
    await press('ArrowUp');
    await expectAt(here - 1, 'ArrowUp after scrolling away');
    // Tab goes to the row's own reference button, Shift+Tab back to the row.
    await press('Tab');
    const onButton = await where();
    if (onButton.tag !== 'BUTTON' || onButton.row !== here - 1) throw new Error(`Tab did not reach the row's button: ${JSON.stringify(onButton)}`);
    await press(['Shift', 'Tab']);
    await expectAt(here - 1, 'Shift+Tab back to the row');
    // Enter opens the candidate's evidence; closing it gives the keyboard back to the row.
    const reference = (await where()).id;
    await press('Enter');
    await waitForText(`${dialog} h2`, `Evidence for ${reference}`);
    await press('Escape');
    await browser.$(dialog).waitForDisplayed({ reverse: true, timeout: TIMEOUT });
    await expectAt(here - 1, 'back from the evidence');
    // The last candidate, then up past the first row drawn at that end.
    await upFromTheEnd(start.rowcount);
    await shot('97-board-keyboard');
    const violations = await axeViolations(browser);
    if (violations.length) throw new Error(`axe: ${JSON.stringify(violations)}`);
    await press('Home');
    await expectAt(2, 'Home');
  });

  await step('a new filter starts the board’s Tab stop again at its first candidate', async () => {
    const { press, expectAt } = rowsKeyboard(browser, `${grid} table`, 'reference');
    await press('End');
    await expectAt(CANDIDATES + 1, 'End');
    await chooseOption(browser, '#filter-flag', 'Any flag');
    await browser.waitUntil(
      async () => {
        const now = await browser.execute((sel) => {
          const rows = document.querySelectorAll(`${sel} tbody tr[data-row]`).length;
          const stops = [...document.querySelectorAll(`${sel} tbody [tabindex="0"]`)].map((el) => el.closest('tr').dataset.row);
          return { rows, stops };
        }, grid);
        return now.rows === 0 || (now.stops.length > 0 && now.stops.every((row) => row === '0'));
      },
      { timeout: TIMEOUT, timeoutMsg: 'after a new filter the Tab stop is not the first candidate' },
    );
    await chooseOption(browser, '#filter-flag', 'All candidates');
    await waitForText('[data-testid="board-count"]', `Showing ${CANDIDATES} of ${CANDIDATES} candidates`);
  });
}
