/**
 * Reads a screen asks for at the click that opens it, held until the screen, once made, takes
 * them (App.go() waits for them a moment first: lib/views.svelte.ts `prepareView`). Used by
 * Moderation (screens/moderation/firstReads.ts) and Scoring (screens/scoring/firstReads.ts).
 *
 * A screen takes what was asked for exactly its own request (`key`: database, user and what
 * the screen reads), once, and only while fresh: reads asked for a click that then opened
 * nothing, or another screen, are not used by a later open.
 */

/** Reads older than this are not used: they were asked for a click that opened nothing. */
export const FRESH_MS = 2000;

/** What the screen takes: what was held, and when it was asked for (a benchmark's start). */
export type Taken<T> = { held: T; askedAt: number };

export class ReadSlot<T> {
  private slot: { key: string; held: T; at: number } | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Holds `held`, asked for `key`, in place of anything held before. */
  hold(key: string, held: T): void {
    this.slot = { key, held, at: this.now() };
  }

  /** Drops what is held (a click that asked for nothing this time). */
  clear(): void {
    this.slot = null;
  }

  /** What was held for exactly `key`, once, if still fresh; else null (and nothing is kept). */
  take(key: string): Taken<T> | null {
    const slot = this.slot;
    this.slot = null;
    if (!slot || slot.key !== key || this.now() - slot.at > FRESH_MS) return null;
    return { held: slot.held, askedAt: slot.at };
  }
}

/** Resolves when `reads` settles, never rejecting: a failure is the screen's to show when it
 * takes them. */
export function settled(reads: Promise<unknown>): Promise<void> {
  return reads.then(
    () => {},
    () => {},
  );
}
