// Results: the merit list with positions, pass/fail, statistics and the leniency chart.
/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, waitForText, shot, goTo } = t;
  await step('results show the merit list, outcomes, statistics and the chart', async () => {
    await goTo('results', 'Results');
    await waitForText('[data-testid="results-summary"]', '2 passed');
    const table = '[data-testid="merit-table"]';
    await waitForText(`${table} tr[data-reference="C-001"]`, 'Zoë Łukasiewicz');
    await waitForText(`${table} tr[data-reference="C-002"]`, 'Siobhán Ó Briain');
    // C-001 ahead of C-002 (whose Working Together was moderated down), both passing.
    const cells = (n) =>
      browser.execute(
        (sel) => [...document.querySelectorAll(sel)].map((td) => td.textContent.replace(/\s+/g, ' ').trim()),
        `${table} tbody tr:nth-child(${n}) td`,
      );
    const [first, second] = [await cells(1), await cells(2)];
    if (first[0] !== '1' || first[1] !== 'C-001' || first[5] !== 'Pass') throw new Error(`first row is “${first.join(' | ')}”`);
    // Chapter 40 set one post, so the second pass is on the reserve list.
    if (second[0] !== '2' || second[1] !== 'C-002' || !second[5].startsWith('Pass') || !second[5].includes('Reserve')) {
      throw new Error(`second row is “${second.join(' | ')}”`);
    }
    if (first[5].includes('Reserve')) throw new Error('the first pass fills the one post, not the reserve list');
    if (!(Number(first[4]) > Number(second[4]))) throw new Error(`totals out of merit order: ${first[4]}, ${second[4]}`);
    await waitForText('[data-testid="statistics"]', 'ICC(2,1)');
    await waitForText('[data-testid="statistics"]', "Krippendorff's alpha");
    await browser.$('[data-testid="leniency-chart"] svg').waitForDisplayed();
    const bars = await browser.$$('[data-testid="leniency-chart"] rect').length;
    if (bars < 1) throw new Error('the leniency chart has no bars');
    await waitForText('[data-testid="leniency-chart"]', 'Bo Member');
    await browser.$('[data-testid="leniency-chart"]').scrollIntoView({ block: 'end' });
    await shot('70-results');
  });
}
