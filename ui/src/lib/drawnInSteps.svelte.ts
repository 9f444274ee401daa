/**
 * A list drawn a step at a time after the first frame (the audit log's 500 newest events): the
 * first `step` rows are drawn with the screen, and each later frame adds `step` more until all
 * are drawn. The screen's first layout then pays for what fits in the window rather than for
 * every row (500 events were 7,500 elements and over a second of layout at the first open,
 * tests/e2e/large.mjs), and every row is still in the page a few frames later, for searching
 * with the browser or reading with a screen reader.
 */
export class DrawnInSteps {
  /** How many rows are drawn. */
  count = $state(0);
  private generation = 0;

  constructor(readonly step: number) {}

  /** Starts again for a list of `total` rows (a new load): its first step now, the rest one
   * step per frame. */
  restart(total: number): void {
    this.count = 0;
    this.grow(total);
  }

  /** The list grew to `total` rows (an older page appended): the rows drawn stay, so the
   * reader's place holds, and the new ones follow a step per frame. */
  grow(total: number): void {
    const mine = ++this.generation;
    this.count = Math.min(total, this.count + this.step);
    const more = () => {
      if (mine !== this.generation || this.count >= total) return;
      this.count = Math.min(total, this.count + this.step);
      nextFrame(more);
    };
    nextFrame(more);
  }
}

/** Runs `then` in a task after the next frame is painted. */
function nextFrame(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then));
}
