import { describe, expect, it } from 'vitest';
import { drawnIndices, rowKeyTarget, RowsInView } from './rowsInView.svelte';
import { OVERSCAN } from '../screens/moderation/virtual';

/** Resolves once the list's first frame has been painted (and a frame more). */
const afterFirstFrame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(done)))));

const source = (total: number) => ({ total, version: 0, rowAt: (i: number) => i });

describe('RowsInView', () => {
  it('draws only the rows the viewport shows in the first frame, and the overscan below after it', async () => {
    const view = new RowsInView(() => source(500), 48);
    view.height = 480;
    expect(view.shown.length).toBe(10 + 1);
    await afterFirstFrame();
    expect(view.shown.length).toBe(10 + 1 + OVERSCAN);
  });

  it('draws the overscan while the viewport has no height yet (before the first layout)', () => {
    const view = new RowsInView(() => source(500), 48);
    expect(view.shown.length).toBe(2 + OVERSCAN);
  });

  it('never draws more rows than the window can show, whatever size the list first reports', async () => {
    // The Scoring list's first size read was its unconstrained height (all 500 rows).
    const view = new RowsInView(() => source(500), 48);
    view.height = 500 * 48;
    await afterFirstFrame();
    const fit = Math.ceil(window.innerHeight / 48) + 1 + OVERSCAN;
    expect(view.shown.length).toBe(fit);
    expect(view.shown.length).toBeLessThan(40);
  });
});

describe('drawnIndices', () => {
  it('draws the window alone, with the rows above and below as spacer heights', () => {
    const { rows, padBottom } = drawnIndices({ start: 10, end: 14 }, null, 100, 48);
    expect(rows).toEqual([
      { index: 10, gapBefore: 480 },
      { index: 11, gapBefore: 0 },
      { index: 12, gapBefore: 0 },
      { index: 13, gapBefore: 0 },
    ]);
    expect(padBottom).toBe(86 * 48);
  });

  it('keeps the current row drawn above the window, with the rows between it and the window as a gap', () => {
    const { rows, padBottom } = drawnIndices({ start: 50, end: 52 }, 3, 100, 10);
    expect(rows).toEqual([
      { index: 3, gapBefore: 30 },
      { index: 50, gapBefore: 460 },
      { index: 51, gapBefore: 0 },
    ]);
    // Every row is accounted for, drawn or as space: the scroll bar is the whole list's.
    expect(rows.reduce((h, r) => h + r.gapBefore + 10, 0) + padBottom).toBe(1000);
  });

  it('keeps the current row drawn below the window', () => {
    const { rows, padBottom } = drawnIndices({ start: 0, end: 2 }, 99, 100, 10);
    expect(rows.map((r) => [r.index, r.gapBefore])).toEqual([
      [0, 0],
      [1, 0],
      [99, 970],
    ]);
    expect(padBottom).toBe(0);
  });

  it('draws a current row inside the window once, and ignores one outside the list', () => {
    expect(drawnIndices({ start: 0, end: 3 }, 1, 3, 10).rows.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(drawnIndices({ start: 0, end: 3 }, 7, 3, 10).rows.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(drawnIndices({ start: 0, end: 0 }, 0, 0, 10)).toEqual({ rows: [], padBottom: 0 });
  });
});

describe('rowKeyTarget', () => {
  it('moves a row, a page, or to either end, never out of the list', () => {
    expect(rowKeyTarget('ArrowDown', 18, 500, 9)).toBe(19);
    expect(rowKeyTarget('ArrowUp', 18, 500, 9)).toBe(17);
    expect(rowKeyTarget('PageDown', 18, 500, 9)).toBe(27);
    expect(rowKeyTarget('PageUp', 5, 500, 9)).toBe(0);
    expect(rowKeyTarget('Home', 300, 500, 9)).toBe(0);
    expect(rowKeyTarget('End', 3, 500, 9)).toBe(499);
    // At either end the keyboard stays on the row rather than leaving the table.
    expect(rowKeyTarget('ArrowDown', 499, 500, 9)).toBe(499);
    expect(rowKeyTarget('ArrowUp', 0, 500, 9)).toBe(0);
    expect(rowKeyTarget('PageDown', 495, 500, 9)).toBe(499);
  });

  it('leaves other keys (Tab, Enter, letters) to the page', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', 'ArrowLeft']) expect(rowKeyTarget(key, 3, 500, 9)).toBeUndefined();
    expect(rowKeyTarget('ArrowDown', 0, 0, 9)).toBeUndefined();
  });
});

describe('RowsInView keyboard', () => {
  it('keeps the current row drawn and in the Tab order when the list scrolls far past it', async () => {
    const view = new RowsInView(() => source(5000), 48, { keyboard: true });
    await afterFirstFrame();
    view.height = 480;
    view.current = 4;
    view.scrollTop = 3000 * 48;
    const drawn = view.shown.map((r) => r.index);
    expect(drawn[0]).toBe(4);
    expect(drawn).toContain(3000);
    expect(drawn.length).toBe(1 + OVERSCAN + 11 + OVERSCAN);
    expect(view.tabIndex(4)).toBe(0);
    expect(view.tabIndex(3000)).toBe(-1);
    // The spacers and rows still add up to the whole list.
    const height = view.shown.reduce((h, r) => h + r.gapBefore + 48, 0) + view.padBottom;
    expect(height).toBe(5000 * 48);
  });

  it('starts at the first row, and holds a current row past a shrunk list to its last', () => {
    expect(new RowsInView(() => source(100), 48, { keyboard: true }).tabStop).toBe(0);
    const shrunk = new RowsInView(() => source(20), 48, { keyboard: true });
    shrunk.current = 90;
    expect(shrunk.tabStop).toBe(19);
    // Lists that move the keyboard their own way keep no row.
    expect(new RowsInView(() => source(100), 48).tabStop).toBeNull();
  });

  it('keeps the row a list names with `keep` drawn (a list that moves the keyboard its own way)', () => {
    let kept: number | null = 7;
    const view = new RowsInView(() => source(500), 48, { keep: () => kept });
    view.height = 480;
    view.scrollTop = 300 * 48;
    expect(view.shown[0]).toEqual({ index: 7, row: 7, gapBefore: 7 * 48 });
    view.current = 2; // ignored: the list says which row it keeps
    expect(view.tabStop).toBe(7);
    kept = null;
    // Not reactive here (a plain variable): a new view reads it afresh.
    const none = new RowsInView(() => source(500), 48, { keep: () => kept });
    none.height = 480;
    none.scrollTop = 300 * 48;
    expect(none.shown.map((r) => r.index)).not.toContain(7);
  });

  it('moves the focus past the last drawn row to the next one, drawn, and back above the first', async () => {
    const target = document.createElement('div');
    document.body.append(target);
    const view = new RowsInView(() => source(500), 48, { keyboard: true });
    view.height = 480;
    // A list of focusable rows as the tables draw them (data-row, tabindex from the view).
    const draw = () => {
      target.innerHTML = view.shown
        .map(({ index }) => `<div data-row="${index}" tabindex="${view.tabIndex(index)}">${index}</div>`)
        .join('');
    };
    draw();
    const last = Math.max(...view.shown.map((r) => r.index));
    expect(target.querySelector(`[data-row="${last + 1}"]`)).toBeNull();
    const moving = view.focusRow(last + 1, target);
    draw(); // the component redraws at the tick
    await moving;
    expect(document.activeElement?.getAttribute('data-row')).toBe(String(last + 1));
    expect(view.tabIndex(last + 1)).toBe(0);
    target.remove();
  });
});
