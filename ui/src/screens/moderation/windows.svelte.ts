/**
 * The board's rows as the screen holds them: fetched a page at a time as the grid scrolls, and
 * flag reasons fetched per candidate when a flag is opened. The core keeps the computed board
 * and filters it, so opening a 5,000-candidate board moves a summary and one page, not the
 * whole board (about 6.6 MB).
 */
import type { BoardWindow } from '../../lib/bindings/BoardWindow';
import type { CandidateFlags } from '../../lib/bindings/CandidateFlags';
import type { Wire } from '../../lib/wire';
import { unpackReasons, unpackRow, type BoardFlag, type Row } from './board';

/** Rows per request: a screenful and the rows either side of it (the core's bench measures
 * the same size, `BOARD_FIRST_WINDOW` in src/bench.rs). */
export const PAGE = 60;

/** Fetches rows `[offset, offset + limit)` of the filtered board. */
export type FetchRows = (offset: number, limit: number) => Promise<Wire<BoardWindow>>;

/**
 * The rows of one filtered board, by index. Pages arrive as asked for; a reload (after a
 * write) starts from a fresh first page and keeps showing the rows it had until their pages
 * arrive again, so the grid does not blank under the user.
 */
export class BoardRows {
  /** How many rows pass the filter. */
  total = $state(0);
  /** Bumped whenever a page arrives (the grid re-reads its rows). */
  version = $state(0);
  private pages = new Map<number, Row[]>();
  private stale = new Map<number, Row[]>();
  private asked = new Set<number>();
  private generation = 0;

  constructor(
    private readonly keys: readonly string[],
    private readonly fetchRows: FetchRows,
    first: Wire<BoardWindow>,
  ) {
    this.keep(first);
  }

  /** Starts again from `first` (a new summary after a write), keeping what was shown until
   * it is fetched again. Pages asked for before the reload are dropped when they arrive. */
  reload(first: Wire<BoardWindow>) {
    this.generation += 1;
    this.stale = new Map([...this.stale, ...this.pages]);
    this.pages = new Map();
    this.asked = new Set();
    this.keep(first);
  }

  /** Row `index`, or undefined while its page is on the way. */
  rowAt(index: number): Row | undefined {
    const page = Math.floor(index / PAGE);
    const rows = this.pages.get(page) ?? this.stale.get(page);
    return rows?.[index - page * PAGE];
  }

  /** The loaded row of a candidate, if any page holds it. */
  find(candidateId: number): Row | undefined {
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

  private keep(window: Wire<BoardWindow>) {
    this.total = window.matching;
    const page = Math.floor(window.offset / PAGE);
    this.pages.set(
      page,
      window.rows.map((r) => unpackRow(r, this.keys)),
    );
    this.stale.delete(page);
    this.version += 1;
  }
}

/** Fetches the flags of candidates, with their reasons. */
export type FetchReasons = (candidateIds: number[]) => Promise<Wire<CandidateFlags>[]>;

/** Flag reasons fetched on request, per candidate, for one computed board. */
export class FlagReasons {
  /** Bumped whenever reasons arrive. */
  version = $state(0);
  private byCandidate = new Map<number, BoardFlag[]>();
  private asked = new Map<number, Promise<void>>();

  constructor(
    private readonly keys: readonly string[],
    private readonly fetchReasons: FetchReasons,
  ) {}

  /** The candidate's flags with reasons, or undefined until asked for and arrived. */
  of(candidateId: number): BoardFlag[] | undefined {
    return this.byCandidate.get(candidateId);
  }

  /** Asks for a candidate's reasons (once; later calls wait for the same answer). */
  request(candidateId: number): Promise<void> {
    const pending = this.asked.get(candidateId);
    if (pending) return pending;
    const asked = this.fetchReasons([candidateId]).then(
      (answer) => {
        for (const c of answer) this.byCandidate.set(c.candidate_id, unpackReasons(c, this.keys));
        this.version += 1;
      },
      (reason) => {
        this.asked.delete(candidateId); // asked again next time
        throw reason;
      },
    );
    this.asked.set(candidateId, asked);
    return asked;
  }
}
