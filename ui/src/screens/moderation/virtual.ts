/**
 * Window maths for a virtualised list of fixed-height rows: which rows to render for a
 * scroll position, and how much empty space stands in for the rows above and below.
 */

export type RowWindow = {
  /** Index of the first row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Height (px) standing in for the rows before `start`. */
  padTop: number;
  /** Height (px) standing in for the rows from `end` on. */
  padBottom: number;
};

/** Rows drawn beyond the viewport either side (quick scrolling and keyboard moves show no
 * blank space). */
export const OVERSCAN = 8;

/**
 * The rows to render when a viewport `viewportHeight` px tall is scrolled `scrollTop` px down
 * a list of `total` rows of `rowHeight` px, with `overscan` extra rows either side (so quick
 * scrolling and keyboard focus moves do not show blank space).
 */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = OVERSCAN,
): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const maxTop = Math.max(0, total * rowHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const firstVisible = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(total, firstVisible + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (total - end) * rowHeight };
}

/**
 * The scroll position that brings row `index` into view (unchanged if it already is), for
 * keyboard moves between rows.
 */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}
