// Walking a windowed table or list by keyboard (`RowsInView`'s keyboard, or a list's own: one
// row in the Tab order, the arrows, Page Up/Down, Home and End through every row): where the
// keyboard is, and waiting for it to reach a row. Used by the story's Audit, Moderation and
// Scoring keyboard chapters.

/** In the page: where the keyboard is in the table or list `selector`. A table (`<table>`,
 * scrolled by its parent, under a held header) numbers its rows with `aria-rowindex` (the
 * header is row 1) and counts them with its `aria-rowcount`; a list (any other element, the
 * scroll box itself) numbers its items with `aria-posinset` from 1 and counts them with their
 * `aria-setsize`. Returns the focused row's place, whether its data is drawn (an element in it
 * reads the row's `data-<key>`: its seq, its reference), whether it is in view (below the held
 * header or the box's top, above the box's bottom edge, inside the window), and the first and
 * last rows drawn. */
function rowsFocus(selector, key) {
  const el = document.querySelector(selector);
  const table = el.tagName === 'TABLE';
  const scroller = table ? el.parentElement : el;
  const box = scroller.getBoundingClientRect();
  const top = table ? el.tHead.getBoundingClientRect().bottom : box.top + scroller.clientTop;
  const bottom = box.top + scroller.clientTop + scroller.clientHeight;
  const place = table ? 'aria-rowindex' : 'aria-posinset';
  const rows = table ? 'tbody tr[aria-rowindex]' : '[aria-posinset]';
  const active = document.activeElement;
  const row = el.contains(active) ? active.closest(rows) : null;
  const at = row?.getBoundingClientRect();
  const drawn = [...el.querySelectorAll(rows)].map((r) => Number(r.getAttribute(place)));
  const id = row?.dataset[key] ?? null;
  return {
    row: row ? Number(row.getAttribute(place)) : null,
    tag: active?.tagName ?? null,
    id,
    // Drawn: an element of the row (a cell, a span) reads its id, not a placeholder.
    shown: row ? [...row.querySelectorAll('*')].some((e) => e.textContent.trim() === id) : false,
    // Within a pixel: a row scrolled to the window's edge can sit a fraction past it.
    inView:
      Boolean(at) &&
      at.top >= top - 1 &&
      at.bottom <= bottom + 1 &&
      at.top >= -1 &&
      at.bottom <= window.innerHeight + 1,
    // Where it is, for a failure's message.
    box: at ? [at.top, at.bottom, top, bottom, window.innerHeight].map(Math.round) : null,
    rowcount: Number(table ? el.getAttribute('aria-rowcount') : (el.querySelector('[aria-setsize]')?.getAttribute('aria-setsize') ?? 0)),
    first: Math.min(...drawn),
    last: Math.max(...drawn),
  };
}

/**
 * The keyboard in the table or list `selector` whose rows name themselves by `data-<key>`:
 * `where()` (see `rowsFocus`), `press(key, times)`, `expectAt(row, what)`, which waits for
 * row `row` (its `aria-rowindex`, or a list item's `aria-posinset`) to have the focus, its data
 * drawn and in view, and `upFromTheEnd(last)`.
 * @param {WebdriverIO.Browser} browser
 */
export function rowsKeyboard(browser, selector, key) {
  const where = () => browser.execute(rowsFocus, selector, key);
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
  /** End (the last row, `last`: a table's `aria-rowcount`, a list's `aria-setsize`), then ↑ up
   * past the first row drawn at that end. */
  const upFromTheEnd = async (last) => {
    await press('End');
    await expectAt(last, 'End');
    const bottom = await where();
    await press('ArrowUp', bottom.row - bottom.first + 1);
    await expectAt(bottom.first - 1, `ArrowUp past the first drawn row (${bottom.first})`);
  };
  return { where, press, expectAt, upFromTheEnd };
}
