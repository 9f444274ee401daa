import { describe, expect, it } from 'vitest';
import { RowsInView } from './rowsInView.svelte';

const source = (total: number) => ({ total, version: 0, rowAt: (i: number) => i });

describe('RowsInView', () => {
  it('draws the rows the viewport shows, with the overscan below', () => {
    const view = new RowsInView(() => source(500), 48);
    view.height = 480;
    expect(view.shown.length).toBe(10 + 1 + 8);
  });

  it('never draws more rows than the window can show, whatever size the list first reports', () => {
    // The Scoring list's first size read was its unconstrained height (all 500 rows).
    const view = new RowsInView(() => source(500), 48);
    view.height = 500 * 48;
    const fit = Math.ceil(window.innerHeight / 48) + 1 + 8;
    expect(view.shown.length).toBe(fit);
    expect(view.shown.length).toBeLessThan(40);
  });
});
