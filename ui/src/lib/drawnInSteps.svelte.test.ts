import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrawnInSteps } from './drawnInSteps.svelte';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(0), 16));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('DrawnInSteps', () => {
  it('draws the first step at once and a step more each frame until all are drawn', () => {
    const drawn = new DrawnInSteps(60);
    drawn.restart(150);
    expect(drawn.count).toBe(60);
    vi.advanceTimersByTime(20);
    expect(drawn.count).toBe(120);
    vi.advanceTimersByTime(20);
    expect(drawn.count).toBe(150);
    vi.advanceTimersByTime(100);
    expect(drawn.count).toBe(150);
  });

  it('starts again on a new load, and the old one stops adding', () => {
    const drawn = new DrawnInSteps(60);
    drawn.restart(500);
    vi.advanceTimersByTime(20);
    drawn.restart(10);
    expect(drawn.count).toBe(10);
    vi.advanceTimersByTime(200);
    expect(drawn.count).toBe(10);
  });

  it('on growing, keeps the rows drawn (the reader’s place) and adds the new ones a step per frame', () => {
    const drawn = new DrawnInSteps(60);
    drawn.restart(100);
    vi.runAllTimers();
    const counts = [drawn.count];
    drawn.grow(300);
    for (let frame = 0; frame < 5; frame++, vi.advanceTimersByTime(20)) counts.push(drawn.count);
    expect(counts).toEqual([100, 160, 220, 280, 300, 300]);
  });
});
