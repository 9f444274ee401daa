/**
 * A clock for tests of debounced and retried work: timers fire only when the test advances
 * time, in the order they are due.
 */
import type { Clock } from '../components/scoring/autosave';

export function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  function advance(ms: number) {
    now += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
    }
  }
  // `pending`: how many timers are waiting.
  return { clock, advance, pending: () => timers.size };
}
