/**
 * Changes waiting for the database: when a save fails because the shared database cannot be
 * reached (a network drop in the interview room), the value stays in its saver (and in the
 * local draft copy) and the outbox tries it again every few seconds until it is saved. The
 * count is what the panel sees: "Offline — 3 changes waiting".
 */
import { realClock, type Clock, type SaveStatus } from './autosave';

export interface OutboxOptions {
  /** Sends the waiting change `id` again (its saver's flush). */
  retry: (id: string) => void;
  /** Milliseconds between attempts (default 5000). */
  every?: number;
  clock?: Clock;
  /** Called whenever the number of waiting changes moves. */
  onChange?: (count: number) => void;
}

export interface Outbox {
  /** A saver's new status: an offline failure waits; anything that ends it stops waiting. */
  report(id: string, status: SaveStatus): void;
  readonly count: number;
  dispose(): void;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const every = options.every ?? 5000;
  const clock = options.clock ?? realClock;
  const waiting = new Set<string>();
  let timer: unknown = null;
  let disposed = false;

  function schedule() {
    if (timer !== null || disposed || waiting.size === 0) return;
    timer = clock.setTimeout(() => {
      timer = null;
      for (const id of [...waiting]) options.retry(id);
      schedule();
    }, every);
  }

  function changed(before: number) {
    if (waiting.size !== before) options.onChange?.(waiting.size);
  }

  return {
    report(id, status) {
      const before = waiting.size;
      if (status.kind === 'error' && status.offline) {
        waiting.add(id);
        schedule();
      } else if (status.kind === 'saved' || status.kind === 'idle' || status.kind === 'error') {
        // Saved, or refused for a reason a retry cannot fix (shown beside the field).
        waiting.delete(id);
      }
      changed(before);
    },
    get count() {
      return waiting.size;
    },
    dispose() {
      disposed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
