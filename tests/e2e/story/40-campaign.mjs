// Campaign setup, as HR ("Priya E2E"): a campaign from the "E2E interview" scorecard, its panel,
// assessors and moderator, candidates from CSV (a bad file first: every bad line is named and
// nothing is imported), posts, and the move from setup to scoring.
import path from 'node:path';

/** Chooses the option of `select` whose text contains `text` (option values are database ids). */
export async function chooseOption(browser, select, text) {
  const el = browser.$(select);
  await el.waitForEnabled({ timeout: 10_000 });
  const index = await browser.waitUntil(
    async () => {
      const texts = await browser.execute(
        (sel) => [...document.querySelector(sel).options].map((o) => o.textContent ?? ''),
        select,
      );
      const i = texts.findIndex((t) => t.includes(text));
      return i >= 0 ? i + 1 : false; // +1: waitUntil needs a truthy value
    },
    { timeout: 10_000, timeoutMsg: `${select} never offered “${text}”` },
  );
  await el.selectByIndex(index - 1);
}

/** The body rows of `table` as lists of cell texts (the markup has no spaces between cells). */
export async function rowsOf(browser, table) {
  return browser.execute(
    (sel) =>
      [...document.querySelectorAll(`${sel} tbody tr`)].map((tr) =>
        [...tr.cells].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    table,
  );
}

/** Waits until `table` has a row starting with `cells`. */
export async function waitForRow(browser, table, cells) {
  await browser
    .waitUntil(
      async () => (await rowsOf(browser, table)).some((row) => cells.every((c, i) => row[i] === c)),
      { timeout: 10_000 },
    )
    .catch(async () => {
      throw new Error(`${table} has no row ${JSON.stringify(cells)}; rows: ${JSON.stringify(await rowsOf(browser, table))}`);
    });
}

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, textOf, waitForText, shot, goTo, ctx, TIMEOUT } = t;
  const fixtures = path.join(ctx.repo, 'tests/e2e/fixtures');

  await step('HR creates “E2E campaign” from the E2E interview scorecard', async () => {
    await goTo('campaign', 'Campaigns');
    await browser.$('#campaign-name').setValue('E2E campaign');
    await chooseOption(browser, '#campaign-scorecard', 'E2E interview');
    await browser.$('button=Create campaign').click();
    await waitForText('[data-testid="campaign-notice"]', 'Created “E2E campaign”');
    await waitForText('[data-testid="campaigns-table"]', 'E2E campaign');
    await waitForText('[data-testid="campaign-state"]', 'Setting up');
    await waitForText('[data-testid="campaign-summary"]', 'Seeing the Big Picture, Working Together, Delivering at Pace');
  });

  await step('starting scoring with no candidates is refused with the core’s reason', async () => {
    await browser.$('button=Start scoring').click();
    await waitForText('[role="alert"]', 'add at least one candidate before scoring starts');
    await browser.$('button=Dismiss').click();
    await waitForText('[data-testid="campaign-state"]', 'Setting up');
  });

  await step('a panel, two scoring assessors and a moderator are added', async () => {
    await browser.$('#panel-name').setValue('Panel A');
    await browser.$('button=Add panel').click();
    await waitForText('[data-testid="panels-list"]', 'Panel A');
    for (const [name, role] of [
      ['Alex Chair', 'chair'],
      ['Bo Member', 'member'],
      ['Mo Moderator', 'moderator'],
    ]) {
      await browser.$('#person-name').setValue(name);
      await browser.$('#person-role').selectByAttribute('value', role);
      await browser.$('button=Add person').click();
      await waitForText('[data-testid="assessors-table"]', name);
    }
    const table = '[data-testid="assessors-table"]';
    await waitForRow(browser, table, ['Alex Chair', 'panel chair', 'Panel A']);
    await waitForRow(browser, table, ['Bo Member', 'panel member', 'Panel A']);
    await waitForRow(browser, table, ['Mo Moderator', 'moderator', '—']);
    await waitForText('[data-testid="panels-list"]', 'Alex Chair (chair), Bo Member');
  });

  await step('a CSV with bad rows is refused whole, each bad line named', async () => {
    await browser.$('#candidates-path').setValue(path.join(fixtures, 'candidates-bad.csv'));
    await browser.$('button=Import').click();
    const errors = '[data-testid="import-errors"]';
    await waitForText(errors, 'candidates-bad.csv: 3 row(s) rejected, nothing imported');
    await waitForText(errors, 'line 3: name is empty');
    await waitForText(errors, "line 4: email 'not-an-email' is not a valid address");
    await waitForText(errors, "line 5: reference 'C-101' duplicates line 2");
    const items = await browser.$$(`${errors} li`).length;
    if (items !== 3) throw new Error(`expected 3 listed rows, got ${items}`);
    // Nothing imported, not even the good first row.
    await waitForText('#candidates-heading', '(0)');
    if (await browser.$('[data-testid="candidates-table"]').isExisting()) throw new Error('a candidate was imported');
    await browser.$(errors).scrollIntoView({ block: 'center' });
    await shot('41-candidates-import-error');
  });

  await step('the good CSV imports both candidates into Panel A with their slots', async () => {
    await browser.$('#candidates-path').setValue(path.join(fixtures, 'candidates.csv'));
    await browser.$('button=Import').click();
    await waitForText('[data-testid="import-result"]', 'Imported 2 candidates.');
    const table = '[data-testid="candidates-table"]';
    await waitForRow(browser, table, ['C-001', 'Zoë Łukasiewicz', 'zoe@example.org', 'Panel A', '2026-11-24 10:00']);
    await waitForRow(browser, table, ['C-002', 'Siobhán Ó Briain', 'siobhan@example.org', 'Panel A', '2026-11-24 11:30']);
    // The search box finds a name typed without its accents, and says how many of how many.
    await browser.$('#candidates-search').setValue('zoe lukasiewicz');
    await waitForText('[data-testid="candidates-found"]', '1 of 2 candidates');
    const found = await rowsOf(browser, table);
    if (found.length !== 1 || found[0][0] !== 'C-001') throw new Error(`the search listed ${JSON.stringify(found)}`);
    // Cleared as a user clears it (an input event), the whole list is back.
    await browser.execute(() => {
      const box = document.getElementById('candidates-search');
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitForRow(browser, table, ['C-002', 'Siobhán Ó Briain', 'siobhan@example.org', 'Panel A', '2026-11-24 11:30']);
  });

  await step('a candidate’s interview slot is edited in place', async () => {
    const edit = browser.$('button[aria-label="Edit C-002 Siobhán Ó Briain"]');
    await edit.click();
    const slot = browser.$('tr.editing input[aria-label="Interview slot"]');
    await slot.setValue('2026-11-24 14:00');
    await browser.$('tr.editing').$('button=Save').click();
    await waitForRow(browser, '[data-testid="candidates-table"]', ['C-002', 'Siobhán Ó Briain', 'siobhan@example.org', 'Panel A', '2026-11-24 14:00']);
    const focused = await browser.execute(() => document.activeElement?.getAttribute('aria-label') ?? '');
    if (focused !== 'Edit C-002 Siobhán Ó Briain') throw new Error(`focus went to “${focused}”, not back to Edit`);
  });

  await step('posts are set and scoring starts', async () => {
    await browser.$('#posts').setValue('1');
    await browser.$('button=Save posts').click();
    await waitForText('[data-testid="campaign-notice"]', 'Number of posts set to 1.');
    await browser.$('button=Start scoring').click();
    await waitForText('[data-testid="campaign-notice"]', 'Scoring has started');
    await waitForText('[data-testid="campaign-state"]', 'Scoring');
    await waitForRow(browser, '[data-testid="campaigns-table"]', ['E2E campaign', 'E2E interview', 'Scoring']);
    await waitForText('[data-testid="campaign-posts"]', '1');
    await browser.execute(() => {
      document.querySelector('main').scrollTop = 0;
    });
    await shot('40-campaign-setup');
  });
}
