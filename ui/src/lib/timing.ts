/**
 * Where a screen's open time goes: marks on the page's performance timeline named
 * `screen:step`, read by tests/e2e/large.mjs beside the click that opened the screen. User
 * Timing marks cost microseconds and nothing reads them in normal use.
 */
import { tick } from 'svelte';

/** Marks `step` of opening `screen` (e.g. `scoring:campaign`). */
export function mark(screen: string, step: string): void {
  performance.mark(`${screen}:${step}`);
}

/** Runs `run` once the next frame is drawn (a task queued from the frame's callback runs
 * after that frame's style, layout and paint). */
export function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run));
}

/** Marks `screen:step-dom` once the DOM has been updated, and `screen:step` (`painted`
 * unless named: the screen's last) once the next frame is drawn. */
export function markPainted(screen: string, step = 'painted'): void {
  void tick().then(() => {
    mark(screen, `${step}-dom`);
    afterPaint(() => mark(screen, step));
  });
}
