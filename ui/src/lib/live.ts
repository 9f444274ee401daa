/**
 * Following the changes other desks make on a shared database: the shell hears them as they
 * commit, and this loop long-polls `wait_changes` with its own cursor, handing the screen the
 * changes of its campaign (ids only) so it re-reads what it shows. On a local file the first
 * answer says `live: false` and the loop ends: nobody else writes there.
 */
import type { ChangesSince } from './bindings/ChangesSince';
import type { LiveChange } from './bindings/LiveChange';
import type { Wire } from './wire';

export type WaitChanges = (after: number, timeoutMs: number) => Promise<Wire<ChangesSince>>;

export interface Following {
  stop(): void;
  /** Ends once the loop has stopped (for tests). */
  readonly done: Promise<void>;
}

export interface FollowOptions {
  /** The campaign the screen shows (read at each answer: it may change). */
  campaignId: () => number | null;
  /** Its changes arrived; `missed`: some were lost, re-read everything. */
  onChange: (changes: Wire<LiveChange>[], missed: boolean) => void;
  wait: WaitChanges;
  /** How long each poll may wait (default 25 s). */
  pollMs?: number;
  /** Pause after a failed poll (default 5 s). */
  pause?: (ms: number) => Promise<void>;
}

export function followChanges(options: FollowOptions): Following {
  const pollMs = options.pollMs ?? 25_000;
  const pause = options.pause ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let stopped = false;
  const done = (async () => {
    let cursor: number | null = null;
    while (!stopped) {
      let answer: Wire<ChangesSince>;
      try {
        // The first call only learns where the log is: what came before the screen opened is
        // already on it.
        answer = await options.wait(cursor ?? 0, cursor === null ? 0 : pollMs);
      } catch {
        await pause(5000);
        continue;
      }
      if (stopped || !answer.live) return;
      const first = cursor === null;
      cursor = answer.cursor;
      if (first) continue;
      const id = options.campaignId();
      const mine = answer.changes.filter((c) => c.campaign_id === id);
      if (mine.length > 0 || answer.missed) options.onChange(mine, answer.missed);
    }
  })();
  return {
    stop() {
      stopped = true;
    },
    done,
  };
}
