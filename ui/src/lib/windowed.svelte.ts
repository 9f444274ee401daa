/**
 * A long list the core keeps and serves a window at a time (the moderation board, the Results
 * screen's lists): rows fetched a page at a time as the list scrolls, by index. The core keeps
 * what it computed and filters it, so opening a screen of thousands of candidates moves one
 * page, not every row.
 */

/** Rows per request: a screenful and the rows either side of it (the core's bench measures
 * the same size, `BOARD_FIRST_WINDOW` in src/bench.rs). */
export const PAGE = 60;

/** Rows `[offset, offset + rows.length)` of the `matching` rows of a list, as the core sends. */
export type RowsWindow<W> = { offset: number; matching: number; rows: W[] };

/** Fetches rows `[offset, offset + limit)` of the list. */
export type FetchWindow<W> = (offset: number, limit: number) => Promise<RowsWindow<W>>;

/**
 * The rows of one list, by index. Pages arrive as asked for; a reload (after a write) starts
 * from a fresh first page and keeps showing the rows it had until their pages arrive again,
 * so the list does not blank under the user. `W` is a row as it arrives, `T` as it is shown.
 */
export class WindowedRows<T extends { candidate_id: number }, W = T> {
  /** How many rows the list has. */
  total = $state(0);
  /** Bumped whenever a page arrives (the list re-reads its rows). */
  version = $state(0);
  private pages = new Map<number, T[]>();
  private stale = new Map<number, T[]>();
  private asked = new Set<number>();
  private generation = 0;

  constructor(
    private readonly fetchRows: FetchWindow<W>,
    first: RowsWindow<W>,
    private readonly unpack: (row: W) => T,
  ) {
    this.keep(first);
  }

  /** Starts again from `first` (after a write), keeping what was shown until it is fetched
   * again. Pages asked for before the reload are dropped when they arrive. */
  reload(first: RowsWindow<W>) {
    this.generation += 1;
    this.stale = new Map([...this.stale, ...this.pages]);
    this.pages = new Map();
    this.asked = new Set();
    this.keep(first);
  }

  /** Row `index`, or undefined while its page is on the way. */
  rowAt(index: number): T | undefined {
    const page = Math.floor(index / PAGE);
    const rows = this.pages.get(page) ?? this.stale.get(page);
    return rows?.[index - page * PAGE];
  }

  /** The loaded row of a candidate, if any page holds it. */
  find(candidateId: number): T | undefined {
    for (const rows of this.pages.values()) {
      const row = rows.find((r) => r.candidate_id === candidateId);
      if (row) return row;
    }
    return undefined;
  }

  /** Fetches the pages holding rows `[start, end)` that are not here or on the way. */
  async ensure(start: number, end: number): Promise<void> {
    const last = Math.min(end, this.total) - 1;
    const wanted: number[] = [];
    for (let page = Math.floor(Math.max(0, start) / PAGE); page * PAGE <= last; page++) {
      if (!this.pages.has(page) && !this.asked.has(page)) wanted.push(page);
    }
    const generation = this.generation;
    await Promise.all(
      wanted.map(async (page) => {
        this.asked.add(page);
        try {
          const window = await this.fetchRows(page * PAGE, PAGE);
          if (generation === this.generation) this.keep(window);
        } finally {
          if (generation === this.generation) this.asked.delete(page);
        }
      }),
    );
  }

  private keep(window: RowsWindow<W>) {
    this.total = window.matching;
    const page = Math.floor(window.offset / PAGE);
    this.pages.set(
      page,
      window.rows.map((r) => this.unpack(r)),
    );
    this.stale.delete(page);
    this.version += 1;
  }
}
