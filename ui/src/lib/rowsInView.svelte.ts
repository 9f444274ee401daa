/**
 * Which rows of a virtualised table of fixed-height rows are in the page: the viewport's
 * scroll position and heights (bound by the table's component) and the rows they put in view,
 * with a few either side (see `rowWindow`). Shared by the moderation board, the Scoring list,
 * the Results screen's lists and the audit log.
 *
 * A table that is moved through by keyboard (the audit log, the Results lists, the moderation
 * board) also keeps a current row: the one row in the Tab order (a roving tab stop), drawn
 * wherever the list is scrolled, so the keyboard's focus on it is never dropped when the
 * window moves on; the arrows, Page Up/Down, Home and End move it through every row of the
 * list, the list scrolled so the row is drawn and in view before it takes the focus
 * (`focusRow`). Without it, Tab went through the rows drawn (a screenful of thousands) and
 * then left the table. A list that moves the keyboard its own way (the Scoring list) names the
 * row to keep drawn with `keep`.
 */
import { tick } from 'svelte';
import { OVERSCAN, rowWindow, type RowWindow } from '../screens/moderation/virtual';
import { afterPaint } from './timing';

/** Rows by index, as many as `total`; `version` changes when more arrive. */
export type RowSource<T> = { readonly total: number; readonly version: number; rowAt(index: number): T | undefined };

/** A row to draw: its index, the row (undefined while its page is on the way) and the height
 * (px) of the rows not drawn just above it, for a spacer row (`SpacerRow`) before it. */
export type DrawnRow<T> = { index: number; row: T | undefined; gapBefore: number };

/** The element of row `index` in a table using `RowsInView`'s keyboard: `data-row={index}`. */
export const rowSelector = (index: number) => `[data-row="${index}"]`;

/** The most a list can show: the window's height (unbounded where there is no window). */
function visibleHeight(): number {
  return typeof window === 'undefined' ? Infinity : window.innerHeight;
}

/**
 * The rows to draw: those of the window, and `keep` (the current row) wherever it is, each
 * with the height of the rows left out above it; `padBottom`, the height of those after the
 * last drawn.
 */
export function drawnIndices(
  win: Pick<RowWindow, 'start' | 'end'>,
  keep: number | null,
  total: number,
  rowHeight: number,
): { rows: { index: number; gapBefore: number }[]; padBottom: number } {
  const indices: number[] = [];
  const kept = keep != null && keep >= 0 && keep < total && (keep < win.start || keep >= win.end);
  if (kept && keep < win.start) indices.push(keep);
  for (let index = win.start; index < Math.min(win.end, total); index++) indices.push(index);
  if (kept && keep >= win.end) indices.push(keep);
  let next = 0;
  const rows = indices.map((index) => {
    const gapBefore = (index - next) * rowHeight;
    next = index + 1;
    return { index, gapBefore };
  });
  return { rows, padBottom: Math.max(0, total - next) * rowHeight };
}

/**
 * The row a key moves the keyboard to from row `index` of `total` (`page` rows for Page
 * Up/Down), or undefined for a key that does not move it. Never past either end: a key at the
 * end stays on the last row rather than leaving the table.
 */
export function rowKeyTarget(key: string, index: number, total: number, page: number): number | undefined {
  const last = total - 1;
  const to: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + page,
    PageUp: index - page,
    Home: 0,
    End: last,
  };
  if (!(key in to) || total <= 0) return undefined;
  return Math.min(last, Math.max(0, to[key]));
}

export class RowsInView<T> {
  /** The viewport's scroll position (px). */
  scrollTop = $state(0);
  /** The viewport's height (px), header included. */
  height = $state(0);
  /** The sticky header's height (px). */
  headHeight = $state(0);
  /** The current row (keyboard tables): in the Tab order and always drawn. Null: none kept
   * (lists that move the keyboard their own way). */
  current = $state<number | null>(null);
  /** A list that moves the keyboard its own way names the row to keep drawn (its focused or
   * chosen row), instead of `current`. */
  private readonly keep: (() => number | null) | undefined;
  /** Whether the list's first frame has been painted: until then only the rows that can be
   * seen are drawn, without the overscan (see `win`). */
  private painted = $state(false);

  constructor(
    private readonly source: () => RowSource<T>,
    readonly rowHeight: number,
    options: { keyboard?: boolean; keep?: () => number | null } = {},
  ) {
    if (options.keyboard) this.current = 0;
    this.keep = options.keep;
    afterPaint(() => (this.painted = true));
  }

  /** The height (px) the rows have in the viewport: never more than the window's, since no
   * more rows than that can be seen. The first size read can come before the list is held to
   * its box (the Scoring list read 23,500 px and drew 499 of 500 rows, 2,500 elements, at
   * every open before settling on 21: measured with tests/e2e/large.mjs). */
  readonly body = $derived(Math.max(0, Math.min(this.height, visibleHeight()) - this.headHeight));
  // In closures: the constructor's parameters are set after the fields.
  // The first frame, once the viewport's height is known, draws only the rows that can be seen:
  // the overscan's were 8 of the board's 18 rows at its first open, each made, laid out and
  // painted in the frame the user waits for. They follow a frame later, so quick scrolling and
  // keyboard moves show no blank space. (While the height is unknown, before the first layout,
  // the overscan stands in for the rows that will be seen.)
  readonly win = $derived.by(() =>
    rowWindow(this.scrollTop, this.body, this.rowHeight, this.source().total, this.body > 0 && !this.painted ? 0 : OVERSCAN),
  );
  /** The current row (or the one `keep` names), held inside the list (a list that shrank
   * keeps its last row current). */
  readonly tabStop = $derived.by(() => {
    const total = this.source().total;
    const current = this.keep ? this.keep() : this.current;
    return current == null || total === 0 ? null : Math.min(current, total - 1);
  });
  private readonly drawn = $derived.by(() => drawnIndices(this.win, this.tabStop, this.source().total, this.rowHeight));
  /** The rows to render, each with its index (`row` undefined while its page is on the way)
   * and the space of the rows not drawn above it. */
  readonly shown = $derived.by((): DrawnRow<T>[] => {
    const source = this.source();
    void source.version; // re-read when a page arrives
    return this.drawn.rows.map(({ index, gapBefore }) => ({ index, row: source.rowAt(index), gapBefore }));
  });
  /** The space (px) of the rows not drawn after the last drawn. */
  readonly padBottom = $derived(this.drawn.padBottom);

  /** Row `index`'s tabindex: 0 for the current row, -1 for the others (and their controls). */
  tabIndex(index: number): 0 | -1 {
    return index === this.tabStop ? 0 : -1;
  }

  /** Makes the row holding the focus current (a click, or Tab into a row's control). */
  follow(event: FocusEvent) {
    const row = (event.target as Element | null)?.closest<HTMLElement>('[data-row]');
    if (row) this.current = Number(row.dataset.row);
  }

  /**
   * A key pressed in a row (or a control in it): the arrows, Page Up/Down, Home and End move
   * the keyboard to another row (`focusRow`). Returns whether the key was taken.
   */
  onkey(event: KeyboardEvent, viewport: HTMLElement | undefined): boolean {
    if (event.altKey || event.metaKey || event.shiftKey) return false;
    const row = (event.target as Element | null)?.closest<HTMLElement>('[data-row]');
    if (!row) return false;
    const page = Math.max(1, Math.floor(this.body / this.rowHeight) - 1);
    const target = rowKeyTarget(event.key, Number(row.dataset.row), this.source().total, page);
    if (target === undefined) return false;
    event.preventDefault();
    void this.focusRow(target, viewport);
    return true;
  }

  /**
   * Moves the keyboard to row `index`: it becomes current (so it is drawn), the viewport
   * scrolls just enough to show it below the sticky header (and the page, to show it in the
   * window), the rows around it are drawn, and then it takes the focus. `control` picks an element in the row to focus instead of the
   * row (a button that was focused, say).
   */
  async focusRow(index: number, viewport: HTMLElement | undefined, control?: string): Promise<void> {
    const total = this.source().total;
    if (!viewport || total === 0) return;
    const target = Math.min(total - 1, Math.max(0, index));
    this.current = target;
    await tick();
    const row = viewport.querySelector<HTMLElement>(rowSelector(target));
    if (!row) return;
    const box = viewport.getBoundingClientRect();
    const top = box.top + viewport.clientTop + this.headHeight;
    const bottom = box.top + viewport.clientTop + viewport.clientHeight;
    const at = row.getBoundingClientRect();
    if (at.top < top) viewport.scrollTop -= top - at.top;
    else if (at.bottom > bottom) viewport.scrollTop += at.bottom - bottom;
    this.scrollTop = viewport.scrollTop;
    await tick();
    // And the page, where the table's box is partly below (or above) the window: the row is
    // already in the box's view, so this moves the page alone (jsdom has no scrollIntoView).
    row.scrollIntoView?.({ block: 'nearest' });
    const el = (control && row.querySelector<HTMLElement>(control)) || row;
    el.focus({ preventScroll: true });
  }
}
