import { describe, expect, it, vi } from 'vitest';
import type { BoardWindow } from '../../lib/bindings/BoardWindow';
import type { Wire } from '../../lib/wire';
import { fakeBoard, wireRow } from '../../lib/testing/board';
import { BoardRows, FlagReasons, PAGE } from './windows.svelte';

const keys = ['c1', 'c2'];

describe('BoardRows', () => {
  it('holds the first page from the summary and fetches no other until asked', async () => {
    const board = fakeBoard(5000);
    const rows = new BoardRows(keys, board.fetchRows, await board.fetchRows(0, PAGE));
    board.asked.length = 0;
    expect(rows.total).toBe(5000);
    expect(rows.rowAt(0)?.reference).toBe('C-0001');
    expect(rows.rowAt(PAGE - 1)?.candidate_id).toBe(PAGE);
    expect(rows.rowAt(PAGE)).toBeUndefined();
    await rows.ensure(0, 30);
    expect(board.asked).toEqual([]);
  });

  it('lays out cells by criterion key and flag marks without reasons', async () => {
    const board = fakeBoard(10);
    const rows = new BoardRows(keys, board.fetchRows, await board.fetchRows(0, PAGE));
    const third = rows.rowAt(2)!;
    expect(third.criteria.map((c) => [c.key, c.value, c.source])).toEqual([
      ['c1', 5, 'agreed'],
      ['c2', 4, 'moderated'],
    ]);
    expect(third.marks).toEqual([{ kind: 'wide_spread', criterion_key: 'c2' }]);
    expect(rows.rowAt(0)!.marks).toEqual([]);
  });

  it('fetches only the pages a far scroll needs, once each', async () => {
    const board = fakeBoard(5000);
    const rows = new BoardRows(keys, board.fetchRows, await board.fetchRows(0, PAGE));
    board.asked.length = 0;
    // The grid at row 4,200 shows rows 4,190–4,230 (with overscan): two pages.
    const first = rows.ensure(4190, 4231);
    const again = rows.ensure(4190, 4231); // a second scroll event before the answer
    await Promise.all([first, again]);
    expect(board.asked).toEqual([
      [69 * PAGE, PAGE],
      [70 * PAGE, PAGE],
    ]);
    expect(rows.rowAt(4200)?.reference).toBe('C-4201');
    expect(rows.rowAt(4200 - PAGE * 2)).toBeUndefined();
  });

  it('asks for nothing past the last row', async () => {
    const board = fakeBoard(70);
    const rows = new BoardRows(keys, board.fetchRows, await board.fetchRows(0, PAGE));
    board.asked.length = 0;
    await rows.ensure(50, 200);
    expect(board.asked).toEqual([[PAGE, PAGE]]);
    expect(rows.rowAt(69)?.candidate_id).toBe(70);
  });

  it('after a reload keeps showing the rows it had and drops answers asked before it', async () => {
    const board = fakeBoard(500);
    const rows = new BoardRows(keys, board.fetchRows, await board.fetchRows(0, PAGE));
    await rows.ensure(PAGE, PAGE + 1);
    let release: (w: Wire<BoardWindow>) => void = () => {};
    const slow = new BoardRows(keys, () => new Promise((resolve) => (release = resolve)), await board.fetchRows(0, PAGE));
    const pending = slow.ensure(PAGE * 2, PAGE * 2 + 1);
    slow.reload(await board.fetchRows(0, PAGE));
    release({ offset: PAGE * 2, matching: 500, rows: [wireRow(0)] });
    await pending;
    expect(slow.rowAt(PAGE * 2)).toBeUndefined(); // the answer from before the reload

    const moderated = { ...(await board.fetchRows(0, PAGE)), matching: 499 };
    rows.reload(moderated);
    expect(rows.total).toBe(499);
    expect(rows.rowAt(PAGE)?.candidate_id).toBe(PAGE + 1); // the old page, until fetched again
    expect(rows.find(PAGE + 1)).toBeUndefined(); // not fresh
    expect(rows.find(1)?.reference).toBe('C-0001');
  });
});

describe('FlagReasons', () => {
  it('fetches a candidate’s reasons once, on request, and lays them out as flags', async () => {
    const fetchReasons = vi.fn(async (ids: number[]) =>
      ids.map((id) => ({
        candidate_id: id,
        flags: [['wide_spread', 1, null, 'members scored Working Together from 3 to 6 (spread 3 ≥ 2)']] as [
          'wide_spread',
          number,
          null,
          string,
        ][],
      })),
    );
    const reasons = new FlagReasons(keys, fetchReasons);
    expect(reasons.of(3)).toBeUndefined();
    await Promise.all([reasons.request(3), reasons.request(3)]);
    expect(fetchReasons).toHaveBeenCalledTimes(1);
    expect(fetchReasons).toHaveBeenCalledWith([3]);
    expect(reasons.of(3)).toEqual([
      {
        kind: 'wide_spread',
        candidate_id: 3,
        criterion_key: 'c2',
        assessor_id: null,
        panel_id: null,
        reason: 'members scored Working Together from 3 to 6 (spread 3 ≥ 2)',
      },
    ]);
  });

  it('asks again after a failure', async () => {
    const fetchReasons = vi.fn().mockRejectedValueOnce(new Error('busy')).mockResolvedValueOnce([{ candidate_id: 4, flags: [] }]);
    const reasons = new FlagReasons(keys, fetchReasons);
    await expect(reasons.request(4)).rejects.toThrow('busy');
    await reasons.request(4);
    expect(reasons.of(4)).toEqual([]);
    expect(fetchReasons).toHaveBeenCalledTimes(2);
  });
});
