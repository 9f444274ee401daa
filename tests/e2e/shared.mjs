// Three desks on one shared PostgreSQL server, through the real app (issue 9): a throwaway
// cluster (scripts/pg-test-cluster.sh), set up with the CLI as HR; then three release apps at
// once, each under its own tauri-driver with its own settings and data folders, each signed in
// on the Start screen as its own login with the password typed where the app asks for it:
// Alex (panel A's chair), Bo (a member of panel A) and Mo (the campaign's moderator).
//
//   Alex saves a draft score with evidence on C-001; Bo opens C-001 and sees none of it.
//   Bo submits (leaving one criterion's notes empty); Bo still sees only "Not submitted yet"
//   for Alex, and Mo's board, open since before, gains C-001's "No evidence" flag without
//   being reloaded. Alex submits; Bo's panel view then shows Alex's submitted score and
//   evidence (both have submitted: the panel's scores are open to its members) and Mo's board
//   gains "Wide spread" (6 against 3), again without a reload.
//
// Screenshots of each window at each point in test-output/e2e-shared/. In `make test`
// (`test-e2e-shared`); alone: `make -f mk/app.mk app-shared-e2e`. Exits non-zero if any step fails.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { remote } from 'webdriverio';
import { appBinary, freshDir, removeScratch, repo, requireCli, requireDrivableApp, screenshot, startDriver, stop } from './lib.mjs';
import { chooseOption as chooseIn } from './story/40-campaign.mjs';

requireDrivableApp();
const cli = requireCli();

const outputDir = path.join(repo, 'test-output/e2e-shared');
rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });

/** How long a change on one desk may take to reach another's screen. */
const LIVE_MS = 10_000;
const TIMEOUT = 20_000;
const CAMPAIGN = 'Shared desk';
const CRITERIA = ['Seeing the Big Picture', 'Operating cloud platforms', 'Systems Design'];
const HR = { login: 'hr.admin', name: 'Hana Reyes', role: 'hr-admin' };
const ALEX = { login: 'alex.chair', name: 'Alex Chair', role: 'assessor' };
const BO = { login: 'bo.member', name: 'Bo Member', role: 'assessor' };
const MO = { login: 'mo.moderator', name: 'Mo Moderator', role: 'moderator' };
const password = (person) => `pw ${person.login} 7Q!`;
// Alex's evidence for C-001's first criterion: the words Bo must not see until both submitted.
const ALEX_EVIDENCE = 'Alex draft: led the migration plan, named the risks and who owned each.';
const BO_EVIDENCE = ['Bo: described the service goals but not how the team supports them.', 'Bo: ran the failover drill.'];

const work = freshDir('panelmark-shared-');
const results = [];
/** Each step's wall time, and how long each live change took to reach the other window. */
const timings = { steps: {}, live_ms: {} };
let cluster = null;
const drivers = [];
const desks = {};

/** A throwaway cluster; returns its superuser URL and folder. */
function startCluster() {
  const port = process.env.PG_TEST_PORT ?? String(55488);
  const out = execFileSync(path.join(repo, 'scripts/pg-test-cluster.sh'), ['start'], {
    env: { ...process.env, PG_TEST_PORT: port },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const value = (name) => out.match(new RegExp(`export ${name}='([^']*)'`))?.[1];
  const url = value('PANELMARK_TEST_PG');
  const dir = value('PANELMARK_TEST_PG_DIR');
  if (!url || !dir) throw new Error(`pg-test-cluster.sh start printed no URL: ${out}`);
  return { url, dir, port };
}

function stopCluster() {
  if (!cluster) return;
  execFileSync(path.join(repo, 'scripts/pg-test-cluster.sh'), ['stop', cluster.dir], { stdio: 'inherit' });
  cluster = null;
}

/** A login's URL on the cluster, without its password (the app asks for that). */
function urlFor(person) {
  // The superuser's URL with the login swapped (no host before the path: WHATWG URL refuses it).
  return cluster.url.replace(/^postgresql:\/\/[^@]*@/, `postgresql://${person.login}@`);
}

/** Runs the CLI as `person` (password in the URL), or as the superuser; returns its output. */
function panelmark(person, args, input) {
  const db = person ? urlFor(person).replace('@/', `:${encodeURIComponent(password(person))}@/`) : cluster.url;
  return execFileSync(cli, ['--db', db, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, PANELMARK_CONFIG_DIR: path.join(work, 'cli-config') },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/** The server, its logins, and a campaign in scoring with panel A (Alex chair, Bo member). */
function setUpServer() {
  panelmark(null, ['server', 'init']);
  for (const p of [HR, ALEX, BO, MO]) {
    panelmark(null, ['user', 'add', p.login, '--role', p.role, '--name', p.name, '--password-prompt'], `${password(p)}\n`);
  }
  panelmark(HR, ['role', 'import', path.join(repo, 'tests/e2e/fixtures/role.json')]);
  const card = JSON.parse(panelmark(HR, ['scorecard', 'create', '--role', '1', '--pass-mark', '4', '--json']));
  const campaign = JSON.parse(panelmark(HR, ['campaign', 'create', '--scorecard', String(card.id), '--name', CAMPAIGN, '--posts', '1', '--json']));
  const id = String(campaign.id);
  panelmark(HR, ['panel', 'add', '--campaign', id, '--name', 'Panel A']);
  panelmark(HR, ['assessor', 'add', '--campaign', id, '--login', ALEX.login, '--role', 'chair', '--panel', 'Panel A']);
  panelmark(HR, ['assessor', 'add', '--campaign', id, '--login', BO.login, '--role', 'member', '--panel', 'Panel A']);
  panelmark(HR, ['assessor', 'add', '--campaign', id, '--login', MO.login, '--role', 'moderator']);
  panelmark(HR, ['candidates', 'import', path.join(repo, 'tests/e2e/fixtures/candidates.csv'), '--campaign', id]);
  panelmark(HR, ['campaign', 'start-scoring', '--campaign', id]);
  // Conflicts of interest are stated before scoring (the story covers the app's own step).
  for (const p of [ALEX, BO]) panelmark(p, ['conflict', 'confirm-none', '--campaign', id]);
}

/** One app under its own tauri-driver, with folders of its own (no shared local state). */
async function openDesk(person) {
  const home = path.join(work, person.login);
  const env = { ...process.env };
  delete env.PANELMARK_DB;
  Object.assign(env, {
    PANELMARK_CONFIG_DIR: path.join(home, 'config'),
    XDG_CONFIG_HOME: path.join(home, 'xdg-config'),
    XDG_DATA_HOME: path.join(home, 'xdg-data'),
    XDG_CACHE_HOME: path.join(home, 'xdg-cache'),
  });
  const { driver, port } = await startDriver(env);
  drivers.push(driver);
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    connectionRetryTimeout: 120_000,
    capabilities: { 'tauri:options': { application: appBinary, args: [] } },
  });
  return { person, browser };
}

/** `selector`'s text in `desk`'s window, white space collapsed ("" when absent). */
async function textOf(desk, selector) {
  const text = await desk.browser.execute((sel) => document.querySelector(sel)?.textContent ?? '', selector);
  return String(text).replace(/\s+/g, ' ').trim();
}

/** Waits until `selector` in `desk`'s window contains `expected`; returns the ms it took. */
async function waitForText(desk, selector, expected, timeout = TIMEOUT) {
  const began = Date.now();
  await desk.browser
    .waitUntil(async () => (await textOf(desk, selector)).includes(expected), { timeout, interval: 100 })
    .catch(async () => {
      throw new Error(`${desk.person.name}: ${selector} never showed “${expected}” in ${timeout} ms; it shows “${(await textOf(desk, selector)).slice(0, 300)}”`);
    });
  return Date.now() - began;
}

async function shot(desk, name) {
  await screenshot(desk.browser, path.join(outputDir, `${name}.png`));
}

async function step(name, body) {
  const began = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    timings.steps[name] = Date.now() - began;
    console.log(`ok   ${name} (${Date.now() - began} ms)`);
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`FAIL ${name}: ${error?.message ?? error}`);
    for (const desk of Object.values(desks)) {
      await screenshot(desk.browser, path.join(outputDir, `failed-${results.length}-${desk.person.login}.png`)).catch(() => {});
    }
    throw error; // later steps build on this one
  }
}

async function click(desk, selector) {
  const el = desk.browser.$(selector);
  await el.waitForClickable({ timeout: TIMEOUT });
  await el.click();
}

async function goTo(desk, screen, heading) {
  await click(desk, `nav button[data-screen="${screen}"]`);
  await waitForText(desk, 'main h1', heading);
}

const chooseOption = (desk, select, text) => chooseIn(desk.browser, select, text);

/** Connects on the Start screen as the desk's login, typing the password where the app asks. */
async function connect(desk) {
  const { browser, person } = desk;
  await waitForText(desk, 'main h1', 'Start', 60_000);
  await browser.$('#server-url').setValue(urlFor(person));
  await browser.$('#server-password').setValue(password(person));
  await click(desk, '[data-testid="connect-form"] button[type="submit"]');
  await waitForText(desk, '[data-testid="header-user"]', person.name);
  await waitForText(desk, '[data-testid="current-user"]', `as ${person.name} (${person.login})`);
  await chooseOption(desk, '#identity-campaign', CAMPAIGN);
  await waitForText(desk, '[data-testid="current-identity"]', 'In this campaign you are');
}

/** Opens a candidate on Scoring and the criterion at `index`. */
async function openCriterion(desk, ref, index) {
  await click(desk, `[data-testid="candidate-${ref}"]`);
  await waitForText(desk, '[data-testid="scoring-who"]', desk.person.name);
  await click(desk, `nav.steps li:nth-child(${index + 1}) button`);
  await waitForText(desk, '#criterion-heading', CRITERIA[index]);
}

/** Scores the open criterion `index` by clicking, types the notes (if any), waits for the save. */
async function scoreCriterion(desk, index, value, evidence) {
  await click(desk, `nav.steps li:nth-child(${index + 1}) button`);
  await waitForText(desk, '#criterion-heading', CRITERIA[index]);
  await click(desk, `[data-testid="score-${value}"]`);
  await waitForText(desk, `[data-testid="step-value-${index}"]`, String(value));
  if (evidence) {
    // The cursor stays in the notes: the next click (another criterion, Submit) must land
    // even if another desk's submission arrives meanwhile.
    await desk.browser.$('#evidence').setValue(evidence);
  }
  await waitForText(desk, '[data-testid="save-status"]', 'Saved');
}

async function submit(desk, ref) {
  await waitForText(desk, '[data-testid="overall-save"]', 'All changes saved');
  await click(desk, '#submit-open');
  await waitForText(desk, '[data-testid="submit-confirmation"]', `Submit your scores for ${ref}`);
  await click(desk, '#submit-confirm');
  await waitForText(desk, '[data-testid="panel-view"]', 'Your scores are submitted and final');
}

/** Fails if `desk`'s main area shows any of `leaks`. */
async function mustNotShow(desk, leaks, when) {
  const page = await textOf(desk, 'main');
  for (const leak of leaks) {
    if (page.includes(leak)) throw new Error(`${desk.person.name} sees “${leak}” ${when}`);
  }
}

const boardRow = (ref) => `[data-testid="board-grid"] tr[data-testid="board-row"][data-reference="${ref}"]`;

/** Marks the moderator's page so that a reload (or a navigation away) is detectable. */
async function markPage(desk) {
  await desk.browser.execute(() => {
    window.__sharedE2eMark = 'still the same page';
  });
}

async function samePage(desk) {
  const mark = await desk.browser.execute(() => window.__sharedE2eMark ?? null);
  if (mark !== 'still the same page') throw new Error(`${desk.person.name}'s page was reloaded`);
  const heading = await textOf(desk, 'main h1');
  if (!heading.includes('Moderation')) throw new Error(`${desk.person.name} left the board: on “${heading}”`);
}

const began = Date.now();
let exitCode = 1;
const cleanUp = async () => {
  for (const desk of Object.values(desks)) await desk.browser.deleteSession().catch(() => {});
  for (const driver of drivers) await stop(driver);
  try {
    stopCluster();
  } catch (e) {
    console.log(`could not stop the cluster: ${e.message}`);
  }
  removeScratch(work);
};
// WebKit's storage process may still write into a desk's data folder as its app exits.
process.once('exit', () => removeScratch(work));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => cleanUp().finally(() => process.exit(130)));
}

try {
  await step('a throwaway server with HR, Alex (chair), Bo (member) and Mo (moderator); the campaign in scoring', async () => {
    cluster = startCluster();
    setUpServer();
  });

  await step('three apps at once, each connected as its own login with its password typed on Start', async () => {
    // The apps are started one after another (each then stays open beside the others): started
    // together, one WebDriver session in about 20 runs never opened on a loaded machine (its
    // POST /session timed out, or the session was gone by the first command).
    for (const [key, person] of [['alex', ALEX], ['bo', BO], ['mo', MO]]) desks[key] = await openDesk(person);
    const { alex, bo, mo } = desks;
    await Promise.all([connect(alex), connect(bo), connect(mo)]);
    await waitForText(mo, '[data-testid="current-identity"]', 'moderator');
    for (const desk of [alex, bo, mo]) await shot(desk, `01-connected-${desk.person.login}`);
  });
  const { alex, bo, mo } = desks;

  await step('Mo opens the moderation board before anyone submits: no flags on C-001', async () => {
    await goTo(mo, 'moderation', 'Moderation');
    await chooseOption(mo, '#pick-campaign', CAMPAIGN);
    await waitForText(mo, '[data-testid="acting-moderator"]', 'You moderate this campaign as Mo Moderator');
    await waitForText(mo, '[data-testid="campaign-state"]', 'Scoring');
    await waitForText(mo, '[data-testid="board-count"]', 'Showing 2 of 2 candidates');
    await waitForText(mo, boardRow('C-001'), 'Zoë Łukasiewicz');
    const flags = await textOf(mo, `${boardRow('C-001')} td.flags`);
    if (flags !== '') throw new Error(`C-001 is flagged before anyone submitted: “${flags}”`);
    await markPage(mo);
    await shot(mo, '02-board-before-mo');
  });

  await step('Alex saves a draft on C-001: 6 with evidence on the first criterion', async () => {
    await goTo(alex, 'scoring', 'Scoring');
    await openCriterion(alex, 'C-001', 0);
    await scoreCriterion(alex, 0, 6, ALEX_EVIDENCE);
    await waitForText(alex, '[data-testid="candidate-C-001"]', '1 of 3 scored');
    await shot(alex, '03-draft-alex');
  });

  await step('Bo opens C-001 and sees neither Alex’s score nor evidence', async () => {
    await goTo(bo, 'scoring', 'Scoring');
    await openCriterion(bo, 'C-001', 0);
    await waitForText(bo, '[data-testid="candidate-C-001"]', 'Not started');
    if (await bo.browser.$('[data-testid="panel-view"]').isExisting()) throw new Error('Bo sees the panel view before submitting');
    await mustNotShow(bo, [ALEX_EVIDENCE, 'Alex draft', 'Alex Chair'], 'before submitting');
    for (let i = 0; i < CRITERIA.length; i++) {
      const v = await textOf(bo, `[data-testid="step-value-${i}"]`);
      if (v !== '–') throw new Error(`Bo's ${CRITERIA[i]} shows “${v}” before Bo scored it`);
    }
    const notes = await bo.browser.$('#evidence').getValue();
    if (notes !== '') throw new Error(`Bo's notes start as “${notes}”`);
    await shot(bo, '04-bo-opens-c001');
  });

  await step('Bo scores and submits C-001 (3, 5, 4; no notes on the last); Alex’s draft stays hidden', async () => {
    await scoreCriterion(bo, 0, 3, BO_EVIDENCE[0]);
    await scoreCriterion(bo, 1, 5, BO_EVIDENCE[1]);
    await scoreCriterion(bo, 2, 4, '');
    await submit(bo, 'C-001');
    await waitForText(bo, '[data-testid="submitted-note"]', 'Not yet submitted: Alex Chair');
    await waitForText(bo, '[data-testid="member-score-Alex Chair-c1"]', 'Not submitted yet');
    await waitForText(bo, '[data-testid="member-score-Bo Member-c1"]', '3 ');
    await mustNotShow(bo, [ALEX_EVIDENCE, 'Alex draft'], 'after submitting, before Alex submits');
    if ((await textOf(bo, '[data-testid="member-score-Alex Chair-c1"]')).includes('6')) {
      throw new Error('Bo sees a 6 beside Alex Chair before Alex submitted');
    }
    await shot(bo, '05-bo-submitted');
  });

  await step('Mo’s board shows Bo’s submission (C-001: No evidence) without a reload', async () => {
    timings.live_ms.board_after_bo = await waitForText(mo, `${boardRow('C-001')} td.flags`, 'No evidence', LIVE_MS);
    await samePage(mo);
    await shot(mo, '06-board-after-bo-mo');
  });

  await step('Alex finishes and submits C-001; Bo’s panel view shows Alex’s score and evidence without a reload', async () => {
    // Bo's submission reached Alex, still scoring with the cursor in the notes: no error for
    // Alex (the panel's scores are not Alex's to read yet, and the screen does not ask).
    const banner = await alex.browser.execute(() => document.querySelector('[role="alert"]')?.textContent ?? null);
    if (banner) throw new Error(`Alex, still scoring, was shown an error: ${banner}`);
    await scoreCriterion(alex, 1, 6, 'Alex: rebuilt the cluster after the outage.');
    await scoreCriterion(alex, 2, 5, 'Alex: brought two teams together on the rota.');
    await submit(alex, 'C-001');
    await waitForText(alex, '[data-testid="submitted-note"]', 'Every member has submitted');
    await waitForText(alex, '[data-testid="member-score-Bo Member-c1"]', '3 ');
    await shot(alex, '07-alex-submitted');
    timings.live_ms.bo_panel_after_alex = await waitForText(bo, '[data-testid="member-score-Alex Chair-c1"]', '6 ', LIVE_MS);
    await waitForText(bo, '[data-testid="member-score-Alex Chair-c1"]', ALEX_EVIDENCE);
    await waitForText(bo, '[data-testid="submitted-note"]', 'Every member has submitted');
    await waitForText(bo, '[data-testid="panel-c1"]', 'range 3–6');
    await shot(bo, '08-bo-sees-alex');
  });

  await step('Mo’s board shows Alex’s submission (C-001: Wide spread, 3 to 6) without a reload', async () => {
    timings.live_ms.board_after_alex = await waitForText(mo, `${boardRow('C-001')} td.flags`, 'Wide spread', LIVE_MS);
    await samePage(mo);
    await shot(mo, '09-board-after-alex-mo');
    // The evidence behind it: both members' submitted scores, Alex's evidence among them.
    await click(mo, `${boardRow('C-001')} button`);
    const section = `[data-testid="candidate-evidence"] section[data-criterion="${CRITERIA[0]}"]`;
    await waitForText(mo, section, 'Alex Chair');
    await waitForText(mo, section, ALEX_EVIDENCE);
    await waitForText(mo, section, 'Bo Member');
    await shot(mo, '10-evidence-mo');
  });
  exitCode = 0;
} catch (error) {
  if (!results.some((r) => !r.ok)) {
    results.push({ name: 'session', ok: false, error });
    console.log(`FAIL ${error?.message ?? error}`);
  }
} finally {
  await cleanUp();
}

timings.total_ms = Date.now() - began;
writeFileSync(
  path.join(outputDir, 'results.json'),
  JSON.stringify({ results: results.map(({ name, ok, error }) => ({ name, ok, error: error?.message })), timings }, null, 2),
);
const failed = results.filter((r) => !r.ok);
console.log(JSON.stringify(timings, null, 2));
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(exitCode === 0 && failed.length === 0 ? 0 : 1);
