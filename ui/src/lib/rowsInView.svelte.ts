/**
 * Which rows of a virtualised table of fixed-height rows are in the page: the viewport's
 * scroll position and heights (bound by the table's component) and the rows they put in view,
 * with a few either side (see `rowWindow`). Shared by the moderation board and the Results
 * screen's lists.
 */
import { rowWindow } from '../screens/moderation/virtual';

/** Rows by index, as many as `total`; `version` changes when more arrive. */
export type RowSource<T> = { readonly total: number; readonly version: number; rowAt(index: number): T | undefined };

/** The most a list can show: the window's height (unbounded where there is no window). */
function visibleHeight(): number {
  return typeof window === 'undefined' ? Infinity : window.innerHeight;
}

export class RowsInView<T> {
  /** The viewport's scroll position (px). */
  scrollTop = $state(0);
  /** The viewport's height (px), header included. */
  height = $state(0);
  /** The sticky header's height (px). */
  headHeight = $state(0);

  constructor(
    private readonly source: () => RowSource<T>,
    readonly rowHeight: number,
  ) {}

  /** The height (px) the rows have in the viewport: never more than the window's, since no
   * more rows than that can be seen. The first size read can come before the list is held to
   * its box (the Scoring list read 23,500 px and drew 499 of 500 rows, 2,500 elements, at
   * every open before settling on 21: measured with tests/e2e/large.mjs). */
  readonly body = $derived(Math.max(0, Math.min(this.height, visibleHeight()) - this.headHeight));
  // In closures: the constructor's parameters are set after the fields.
  readonly win = $derived.by(() => rowWindow(this.scrollTop, this.body, this.rowHeight, this.source().total));
  /** The rows to render, each with its index (`row` undefined while its page is on the way). */
  readonly shown = $derived.by(() => {
    const source = this.source();
    void source.version; // re-read when a page arrives
    const list: { index: number; row: T | undefined }[] = [];
    for (let index = this.win.start; index < this.win.end; index++) list.push({ index, row: source.rowAt(index) });
    return list;
  });
}
