// Walking a windowed table by keyboard (`RowsInView`'s keyboard: one row in the Tab order, the
// arrows, Page Up/Down, Home and End through every row): where the keyboard is, and waiting
// for it to reach a row. Used by the story's Audit and Moderation chapters.

/** In the page: where the keyboard is in the table `table` (a selector). The focused row's place
 * in the table (`aria-rowindex`; the header is row 1), whether its data is drawn (a cell reads
 * the row's `data-<key>`: its seq, its reference), whether it is in view (below the held header,
 * above the box's bottom edge, inside the window), and the first and last rows drawn. */
function tableFocus(selector, key) {
  const table = document.querySelector(selector);
  const box = table.parentElement.getBoundingClientRect();
  const head = table.tHead.getBoundingClientRect();
  const active = document.activeElement;
  const row = table.contains(active) ? active.closest('tr[data-row]') : null;
  const at = row?.getBoundingClientRect();
  const drawn = [...table.querySelectorAll('tbody tr[aria-rowindex]')].map((r) => Number(r.getAttribute('aria-rowindex')));
  return {
    row: row ? Number(row.getAttribute('aria-rowindex')) : null,
    tag: active?.tagName ?? null,
    id: row?.dataset[key] ?? null,
    shown: row ? [...row.querySelectorAll('td')].some((td) => td.textContent.trim() === row.dataset[key]) : false,
    // Within a pixel: a row scrolled to the window's edge can sit a fraction past it.
    inView:
      Boolean(at) &&
      at.top >= head.bottom - 1 &&
      at.bottom <= box.top + table.parentElement.clientHeight + 1 &&
      at.top >= -1 &&
      at.bottom <= window.innerHeight + 1,
    // Where it is, for a failure's message.
    box: at ? [at.top, at.bottom, head.bottom, box.top + table.parentElement.clientHeight, window.innerHeight].map(Math.round) : null,
    rowcount: Number(table.getAttribute('aria-rowcount')),
    first: Math.min(...drawn),
    last: Math.max(...drawn),
  };
}

/**
 * The keyboard in the table `table` (a selector) whose rows name themselves by `data-<key>`:
 * `where()` (see `tableFocus`), `press(key, times)`, `expectAt(row, what)`, which waits for
 * row `row` (its `aria-rowindex`) to have the focus, its data drawn and in view, and
 * `upFromTheEnd(rowcount)`.
 * @param {WebdriverIO.Browser} browser
 */
export function tableKeyboard(browser, table, key) {
  const where = () => browser.execute(tableFocus, table, key);
  const press = async (keys, times = 1) => {
    for (let i = 0; i < times; i++) await browser.keys(keys);
  };
  const expectAt = async (row, what) => {
    await browser
      .waitUntil(
        async () => {
          const now = await where();
          return now.row === row && now.inView && now.shown;
        },
        { timeout: 5_000, interval: 50 },
      )
      .catch(async () => {
        throw new Error(`${what}: expected row ${row} focused and in view, got ${JSON.stringify(await where())}`);
      });
  };
  /** End (the last row, `rowcount`), then ↑ up past the first row drawn at that end. */
  const upFromTheEnd = async (rowcount) => {
    await press('End');
    await expectAt(rowcount, 'End');
    const bottom = await where();
    await press('ArrowUp', bottom.row - bottom.first + 1);
    await expectAt(bottom.first - 1, `ArrowUp past the first drawn row (${bottom.first})`);
  };
  return { where, press, expectAt, upFromTheEnd };
}
