/** A fake core serving a moderation board, for the board's tests. */
import { vi } from 'vitest';
import type { BoardRow } from '../bindings/BoardRow';
import type { BoardWindow } from '../bindings/BoardWindow';
import type { Wire } from '../wire';

/** Row `i` of a fake board of candidates 1…n in merit order; every third has a flag on c2. */
export function wireRow(i: number): Wire<BoardRow> {
  const id = i + 1;
  return {
    candidate_id: id,
    reference: `C-${String(id).padStart(4, '0')}`,
    name: `Zoë Candidate ${id}`,
    panel: 'Panel A',
    total: 9,
    scaled_total: 9,
    outcome: 'fail',
    outcome_reason: 'total 9 is below the overall pass mark 12',
    position: null,
    tied: false,
    tie_note: null,
    boundary_tie: false,
    reserve: false,
    cells: [
      [5, null, 5, false, 'agreed', true],
      [5, 4, 4, false, 'moderated', true],
    ],
    flags: id % 3 === 0 ? [['wide_spread', 1, null]] : [],
  };
}

/** A fake core serving a board of `total` rows, recording each request. */
export function fakeBoard(total: number) {
  const asked: [number, number][] = [];
  const fetchRows = vi.fn(async (offset: number, limit: number): Promise<Wire<BoardWindow>> => {
    asked.push([offset, limit]);
    const rows = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(wireRow(i));
    return { offset, matching: total, rows };
  });
  return { asked, fetchRows };
}

