/**
 * The board's rows as the screen holds them: fetched a page at a time as the grid scrolls, and
 * flag reasons fetched per candidate when a flag is opened. The core keeps the computed board
 * and filters it, so opening a 5,000-candidate board moves a summary and one page, not the
 * whole board (about 6.6 MB).
 */
import type { BoardWindow } from '../../lib/bindings/BoardWindow';
import type { CandidateFlags } from '../../lib/bindings/CandidateFlags';
import type { Wire } from '../../lib/wire';
import { WindowedRows } from '../../lib/windowed.svelte';
import { unpackReasons, unpackRow, type BoardFlag, type Row } from './board';

export { PAGE } from '../../lib/windowed.svelte';

/** Fetches rows `[offset, offset + limit)` of the filtered board. */
export type FetchRows = (offset: number, limit: number) => Promise<Wire<BoardWindow>>;

/** The rows of one filtered board, by index (see [`WindowedRows`]). */
export class BoardRows extends WindowedRows<Row, Wire<BoardWindow>['rows'][number]> {
  constructor(keys: readonly string[], fetchRows: FetchRows, first: Wire<BoardWindow>) {
    super(fetchRows, first, (r) => unpackRow(r, keys));
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
