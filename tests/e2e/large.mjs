// Screenshots of the screens a panel and a moderator use, on a large campaign: a demo of
// --candidates N (default 2,000: four panels of 500), built with the CLI, opened in the release
// app under Xvfb. Scoring as the first panel's chair (500 candidates on their panel), then the
// moderation board, Results, the campaign's screen, the audit log, Start, Roles, Scorecards and
// Export as the moderator. Writes test-output/e2e-large/*.png and prints each screen's open time
// (click to its content on screen) as JSON. Not part of `make test`: `make -f mk/app.mk
// app-large-screens`, and the second half of `make app-measure`.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { remote } from 'webdriverio';
import { appBinary, freshDir, removeScratch, repo, requireCli, requireDrivableApp, screenshot, signInOnStart, startDriver, stop } from './lib.mjs';

requireDrivableApp();
const cli = requireCli();

const arg = process.argv.indexOf('--candidates');
const candidates = arg > 0 ? Number(process.argv[arg + 1]) : 2000;
// --ipc-sizes: also the JSON size of each command's answer (measuring it costs time of its own).
const ipcSizes = process.argv.includes('--ipc-sizes');
const outputDir = path.join(repo, 'test-output/e2e-large');
mkdirSync(outputDir, { recursive: true });
// The demo's people (src/demo.rs): the first panel's chair, and the moderator.
const CHAIR = { login: 'amara.okafor', name: 'Amara Okafor' };
const MODERATOR = { login: 'helen.marsh.hr', name: 'Helen Marsh' };

const work = freshDir('panelmark-large-');
const db = path.join(work, 'large.db');
const env = { ...process.env, PANELMARK_CONFIG_DIR: path.join(work, 'config') };
execFileSync(cli, ['--db', db, '--as', 'screens', 'demo', '--candidates', String(candidates)], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

const { driver, port } = await startDriver(env);
let browser;
const opened = {};
const inPage = {};

/** In the page: marks the next click on the screen's menu button, and the frame after `ready`
 * is first in the DOM. */
function armScreenTimer(screen, ready, ipcSizes) {
  performance.clearMarks();
  performance.clearMeasures();
  // ui/src/lib/api.ts: each command's round trip as a measure `ipc:cmd` (with its JSON size).
  window.__timeIpc = ipcSizes ? 'sizes' : true;
  window.__screen = { ready: null };
  // Each read of a size that forces style and layout before the DOM is ready (Svelte's
  // bind:clientHeight reads the size while it renders): when, and how long it took.
  window.__layoutReads = [];
  if (!window.__layoutWrapped) {
    window.__layoutWrapped = true;
    for (const [proto, prop] of [[Element.prototype, 'clientHeight'], [HTMLElement.prototype, 'offsetHeight'], [Element.prototype, 'scrollTop']]) {
      const own = Object.getOwnPropertyDescriptor(proto, prop);
      Object.defineProperty(proto, prop, {
        ...own,
        get() {
          const began = performance.now();
          const value = own.get.call(this);
          const took = performance.now() - began;
          if (took >= 2 && window.__layoutReads.length < 20) window.__layoutReads.push([prop, began, took]);
          return value;
        },
      });
    }
  }
  const nav = document.querySelector(`nav button[data-screen="${screen}"]`);
  nav.addEventListener('click', () => performance.mark('nav:click'), { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector(ready)) return;
    observer.disconnect();
    // The DOM is there: style and layout forced here (`layout`), the frame after it painted.
    window.__screen.dom = performance.now();
    void document.body.offsetHeight;
    window.__screen.layout = performance.now();
    window.__screen.nodes = document.querySelectorAll('main *').length;
    requestAnimationFrame(() => setTimeout(() => (window.__screen.ready = performance.now())));
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

/** In the page: the screen's marks and the ready frame, in ms since the click. */
function readScreenTimer(screen) {
  const t0 = performance.getEntriesByName('nav:click')[0]?.startTime ?? 0;
  const marks = performance
    .getEntriesByType('mark')
    .filter((m) => m.name.startsWith(`${screen}:`))
    .map((m) => [m.name.slice(screen.length + 1), Math.round(m.startTime - t0)]);
  const since = (t) => Math.round((t ?? NaN) - t0);
  const s = window.__screen;
  // Each command's round trip: [from, to] in ms since the click, and its JSON size if asked.
  const ipc = performance
    .getEntriesByType('measure')
    .filter((m) => m.name.startsWith('ipc:') && m.startTime >= t0)
    .map((m) => [m.name.slice(4), Math.round(m.startTime - t0), Math.round(m.startTime + m.duration - t0), ...(m.detail?.bytes != null ? [m.detail.bytes] : [])]);
  const layoutReads = window.__layoutReads.map(([prop, at, took]) => [prop, Math.round(at - t0), Math.round(took)]);
  return { ...Object.fromEntries(marks), ipc, layout_reads: layoutReads, ready_dom: since(s.dom), ready_layout: since(s.layout), ready_painted: since(s.ready), main_elements: s.nodes };
}
try {
  browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: { 'tauri:options': { application: appBinary, args: ['--db', db] } },
  });

  /** Opens a screen from the side menu; the time until `ready` is on screen as WebDriver sees
   * it (`open_ms`), and inside the page (`in_page`): from the click to the frame after `ready`
   * first appears (`ready_painted`), and to each of the screen's own marks (`screen:step`,
   * ui/src/lib/timing.ts), in ms since the click. */
  async function open(screen, ready) {
    await browser.execute(armScreenTimer, screen, ready, ipcSizes);
    const began = Date.now();
    await browser.$(`nav button[data-screen="${screen}"]`).click();
    await browser.$(ready).waitForDisplayed({ timeout: 60_000 });
    opened[screen] = Date.now() - began;
    // A screen that marks its steps (ui/src/lib/timing.ts) ends with `screen:painted`, which
    // may follow the first content by a frame or a load; one with no marks is done at the
    // frame after `ready`.
    await browser
      .waitUntil(
        () =>
          browser.execute((s) => {
            const marks = performance.getEntriesByType('mark').map((m) => m.name);
            const steps = marks.some((name) => name.startsWith(`${s}:`));
            return window.__screen.ready != null && (!steps || marks.includes(`${s}:painted`));
          }, screen),
        { timeout: 10_000, interval: 20 },
      )
      .catch(() => {});
    inPage[screen] = await browser.execute(readScreenTimer, screen);
  }

  await signInOnStart(browser, CHAIR);
  await open('scoring', '[data-testid="candidate-list"]');
  await screenshot(browser, path.join(outputDir, 'scoring-500.png'));
  const scoringRowsDrawn = await browser.execute(() => document.querySelectorAll('[data-testid="candidate-list"] button').length);
  // Finding a candidate among 500 by typing part of a name.
  await browser.$('#candidate-search').setValue('C-0401');
  await browser.pause(300);
  await screenshot(browser, path.join(outputDir, 'scoring-500-search.png'));

  await signInOnStart(browser, MODERATOR);
  await open('moderation', '[data-testid="board-row"]');
  await screenshot(browser, path.join(outputDir, 'moderation-2000.png'));
  // How far down the window (800 px) the board's first candidate row starts.
  const boardFirstRowY = await browser.execute(() => Math.round(document.querySelector('[data-testid="board-row"]').getBoundingClientRect().top));
  await open('results', 'main table');
  await screenshot(browser, path.join(outputDir, 'results-2000.png'));
  // The campaign's own screen (its candidates) and the audit log's latest events.
  await open('campaign', '[data-testid="candidates-table"] tbody tr');
  await screenshot(browser, path.join(outputDir, 'campaign-2000.png'));
  // Finding candidates among 2,000 by a name typed without its accent (the demo's "Siobhán").
  const searchBegan = Date.now();
  await browser.$('#candidates-search').setValue('siobhan');
  // "N of 2,000 candidates": the total as the screen writes it (en-GB, thousands separated).
  const foundTail = ` of ${candidates.toLocaleString('en-GB')} candidates`;
  await browser.$('[data-testid="candidates-found"]').waitUntil(async function () {
    return (await this.getText()).trim().endsWith(foundTail);
  }, { timeout: 10_000 });
  const campaignSearchMs = Date.now() - searchBegan;
  const campaignSearchFound = (await browser.$('[data-testid="candidates-found"]').getText()).trim();
  // One keystroke's worth in the page: an input event to the frame after it is painted.
  const campaignSearchInputMs = await browser.executeAsync((done) => {
    const box = document.getElementById('candidates-search');
    const began = performance.now();
    box.value = 'siobhan mac';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => done(Math.round(performance.now() - began))));
  });
  // The section's top at the window's top (its rows below the box), a frame later.
  // Scrolled in its own scrolling box: scrollIntoView also scrolled the page under the header.
  await browser.execute(() => {
    document.activeElement?.blur();
    const heading = document.getElementById('candidates-heading');
    let box = heading.parentElement;
    while (box && getComputedStyle(box).overflowY !== 'auto') box = box.parentElement;
    if (box) box.scrollTop += heading.getBoundingClientRect().top - box.getBoundingClientRect().top - 16;
  });
  await browser.pause(200);
  await screenshot(browser, path.join(outputDir, 'campaign-2000-search.png'));
  await open('audit', 'main table tbody tr');
  await screenshot(browser, path.join(outputDir, 'audit-2000.png'));
  // The next 500 events back, twice: the caption counts them ("1,000 events, …") while the
  // table draws only the rows in its window, so the elements in the page stay as they were.
  const auditState = () =>
    browser.execute(() => ({
      counted: Number(document.querySelector('[data-testid="audit-table"] caption').textContent.trim().split(' ')[0].replace(/,/g, '')),
      rows: document.querySelectorAll('[data-testid="audit-table"] tbody tr[aria-rowindex]').length,
      main_elements: document.querySelectorAll('main *').length,
      // The page itself never scrolls (its main column does): more than the window is overflow.
      page_height: document.scrollingElement.scrollHeight,
    }));
  const auditOlder = [await auditState()];
  for (let page = 0; page < 2; page++) {
    const before = auditOlder.at(-1).counted;
    const began = Date.now();
    await browser.$('button=Show older events').click();
    await browser.waitUntil(async () => (await auditState()).counted > before, { timeout: 30_000, interval: 20 });
    // The frame after the longer list is in the page.
    await browser.executeAsync((done) => requestAnimationFrame(() => setTimeout(done)));
    auditOlder.push({ ...(await auditState()), shown_ms: Date.now() - began });
  }
  // Scrolled to the last row read: the rows there drawn in place of those at the top.
  await browser.execute(() => {
    const box = document.querySelector('[data-testid="audit-table"]').parentElement;
    box.scrollTop = box.scrollHeight;
  });
  await browser.pause(200);
  auditOlder.push({ ...(await auditState()), scrolled_to_end: true });
  await browser.execute(() => document.querySelector('[data-testid="audit-older"]').scrollIntoView());
  await screenshot(browser, path.join(outputDir, 'audit-2000-older.png'));
  // The screens whose content does not grow with the candidates, opened on the same campaign
  // so every screen's open time is in one report: Start, Roles, Scorecards and Export.
  await open('start', '[data-testid="open-database"]');
  await open('roles', '[data-testid="roles-table"]');
  await open('scorecard', '[data-testid="scorecards-table"]');
  await open('export', '[data-testid="export-run"]');
  await screenshot(browser, path.join(outputDir, 'export-2000.png'));
  console.log(
    JSON.stringify(
      { candidates, open_ms: opened, in_page_ms: inPage, board_first_row_y: boardFirstRowY, scoring_rows_drawn: scoringRowsDrawn,
        campaign_search: { typed_ms: campaignSearchMs, found: campaignSearchFound, one_input_painted_ms: campaignSearchInputMs }, audit_pages: auditOlder, screenshots: outputDir },
      null,
      2,
    ),
  );
} finally {
  if (browser) await browser.deleteSession().catch(() => {});
  await stop(driver);
  removeScratch(work);
}
