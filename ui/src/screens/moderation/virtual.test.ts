import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToShow } from './virtual';

describe('rowWindow', () => {
  it('renders only the visible rows plus overscan at the top of a long list', () => {
    // 5,000 rows of 36 px in a 400 px viewport: 12 visible (+1 partial) and 8 below.
    const w = rowWindow(0, 400, 36, 5000, 8);
    expect(w.start).toBe(0);
    expect(w.end).toBe(0 + 13 + 8);
    expect(w.padTop).toBe(0);
    expect(w.padBottom).toBe((5000 - w.end) * 36);
  });

  it('keeps the total height constant so the scroll bar is right', () => {
    for (const top of [0, 1000, 55_555, 179_600]) {
      const w = rowWindow(top, 400, 36, 5000, 8);
      expect(w.padTop + (w.end - w.start) * 36 + w.padBottom).toBe(5000 * 36);
    }
  });

  it('starts overscan rows above the first visible row in the middle', () => {
    const w = rowWindow(36 * 100 + 10, 400, 36, 5000, 8);
    expect(w.start).toBe(92);
    expect(w.end).toBe(100 + 13 + 8);
    expect(w.padTop).toBe(92 * 36);
  });

  it('clamps a scroll position past the end (e.g. after filtering shrinks the list)', () => {
    const w = rowWindow(1_000_000, 400, 36, 50, 8);
    expect(w.end).toBe(50);
    expect(w.padBottom).toBe(0);
    expect(w.start).toBeGreaterThan(0);
    expect(w.start).toBeLessThan(50 - Math.floor(400 / 36));
  });

  it('renders everything when the list is shorter than the viewport', () => {
    expect(rowWindow(0, 400, 36, 2, 8)).toEqual({ start: 0, end: 2, padTop: 0, padBottom: 0 });
  });

  it('renders nothing for an empty list or before the viewport is measured', () => {
    expect(rowWindow(0, 400, 36, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
    const unmeasured = rowWindow(0, 0, 36, 5000, 8);
    expect(unmeasured.end).toBeLessThan(20);
  });
});

describe('scrollToShow', () => {
  it('scrolls up to a row above the viewport', () => {
    expect(scrollToShow(3, 360, 400, 36)).toBe(108);
  });
  it('scrolls down just enough to show a row below the viewport', () => {
    expect(scrollToShow(20, 0, 400, 36)).toBe(21 * 36 - 400);
  });
  it('leaves the position alone for a visible row', () => {
    expect(scrollToShow(5, 100, 400, 36)).toBe(100);
  });
});
