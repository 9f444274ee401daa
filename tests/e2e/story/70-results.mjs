// Results: the merit list with positions, pass/fail, statistics and the leniency chart.
/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, textOf, waitForText, shot, goTo } = t;
  await step('results show the merit list, outcomes, statistics and the chart', async () => {
    await goTo('results', 'Results');
    await waitForText('[data-testid="results-summary"]', '2 passed');
    const table = '[data-testid="merit-table"]';
    await waitForText(`${table} tr[data-reference="C-001"]`, 'Zoë Łukasiewicz');
    await waitForText(`${table} tr[data-reference="C-002"]`, 'Siobhán Ó Briain');
    // C-001 (15) ahead of C-002 (14 after moderation).
    const first = await textOf(`${table} tbody tr:nth-child(1)`);
    const second = await textOf(`${table} tbody tr:nth-child(2)`);
    if (!/^1 C-001 .* 15 Pass/.test(first)) throw new Error(`first row is “${first}”`);
    if (!/^2 C-002 .* 14 Pass/.test(second)) throw new Error(`second row is “${second}”`);
    await waitForText('[data-testid="statistics"]', 'ICC(2,1)');
    await waitForText('[data-testid="statistics"]', "Krippendorff's alpha");
    await browser.$('[data-testid="leniency-chart"] svg').waitForDisplayed();
    const bars = await browser.$$('[data-testid="leniency-chart"] rect').length;
    if (bars < 1) throw new Error('the leniency chart has no bars');
    await waitForText('[data-testid="leniency-chart"]', 'Bo Member');
    await shot('70-results');
  });
}
