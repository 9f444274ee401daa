/**
 * A debounced saver for one value (one criterion's score in the interview room).
 *
 * - `update(value)` remembers the newest value and (re)starts the debounce timer.
 * - When the timer fires, or on `flush()` (blur, next criterion, window closing), the newest
 *   value is saved. Saves never overlap: a change made while a save is in flight is saved
 *   right after it, so the last value typed is always the last value sent.
 * - The status says what the user needs to know: `pending` (changed, not yet sent),
 *   `saving`, `saved`, or `error` with the reason the save failed. A failed value stays
 *   pending, so the next `update` or `flush` tries again.
 */

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string; offline?: boolean };

/** The timer functions the saver uses; tests pass a fake clock. */
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SaverOptions<T> {
  /** Sends the value; rejects with a reason when the value was not saved. */
  save: (value: T) => Promise<void>;
  /** Milliseconds of quiet before saving (default 400). */
  delay?: number;
  clock?: Clock;
  /** Called whenever the status changes. */
  onStatus?: (status: SaveStatus) => void;
  /** Called after `value` was saved (e.g. to drop the local draft copy of it). */
  onSaved?: (value: T) => void;
  /** Turns a rejection into the message shown (default: its `message`, else String()). */
  describe?: (reason: unknown) => string;
  /** Whether a rejection means the database could not be reached (the value waits locally). */
  isOffline?: (reason: unknown) => boolean;
}

export interface Saver<T> {
  update(value: T): void;
  /** Saves the newest value now; resolves once everything changed so far has been tried. */
  flush(): Promise<void>;
  /** True while a value has not been confirmed saved (pending, saving, or failed). */
  readonly dirty: boolean;
  readonly status: SaveStatus;
  /** Stops the timer; nothing further is saved. */
  dispose(): void;
}

function defaultDescribe(reason: unknown): string {
  if (reason && typeof reason === 'object' && 'message' in reason) {
    return String((reason as { message: unknown }).message);
  }
  return String(reason);
}

export function createSaver<T>(options: SaverOptions<T>): Saver<T> {
  const delay = options.delay ?? 400;
  const clock = options.clock ?? realClock;
  const describe = options.describe ?? defaultDescribe;

  let status: SaveStatus = { kind: 'idle' };
  let timer: unknown = null;
  let hasPending = false;
  let pending: T | undefined;
  let inFlight: Promise<void> | null = null;
  let disposed = false;

  function setStatus(next: SaveStatus) {
    status = next;
    options.onStatus?.(next);
  }

  function clearTimer() {
    if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
  }

  /** Sends pending values one after another until none is left (or one fails). */
  function drain(): Promise<void> {
    if (inFlight) return inFlight;
    if (!hasPending || disposed) return Promise.resolve();
    inFlight = (async () => {
      while (hasPending && !disposed) {
        const value = pending as T;
        hasPending = false;
        setStatus({ kind: 'saving' });
        try {
          await options.save(value);
          options.onSaved?.(value);
          if (!hasPending) setStatus({ kind: 'saved' });
        } catch (reason) {
          // Keep the value so the next change or flush sends it again (unless newer exists).
          if (!hasPending) {
            hasPending = true;
            pending = value;
          }
          const offline = options.isOffline?.(reason) ?? false;
          setStatus({ kind: 'error', message: describe(reason), ...(offline ? { offline } : {}) });
          break;
        }
      }
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    update(value: T) {
      if (disposed) return;
      pending = value;
      hasPending = true;
      if (status.kind !== 'saving') setStatus({ kind: 'pending' });
      clearTimer();
      timer = clock.setTimeout(() => {
        timer = null;
        void drain();
      }, delay);
    },
    async flush() {
      clearTimer();
      // A save in flight may leave a newer value behind: drain until nothing is left.
      if (inFlight) await inFlight;
      if (hasPending) await drain();
    },
    get dirty() {
      return hasPending || inFlight !== null;
    },
    get status() {
      return status;
    },
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
