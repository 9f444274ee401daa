/**
 * The board's first reads, asked for when the user clicks "Moderation", before the screen is
 * made, so the screen can be drawn once, whole, instead of a frame of its header and "Loading…"
 * and then the board.
 *
 * Why: the screen's requests used to go out when it was mounted (some 20 ms after the click),
 * and their answers (a few milliseconds later) were read only after the webview had drawn that
 * first frame; the board then needed a second frame of its own. App.go() now waits for these
 * reads (at most `PREPARE_WAIT_MS`, lib/views.svelte.ts) with the previous screen still on
 * show, then mounts the screen, whose `loadBoard` takes them as its own.
 *
 * The reads are exactly those `loadBoard` makes on a first open with the filters as a new
 * screen starts (all candidates, all panels, all outcomes) and the thresholds kept for the
 * campaign; they are taken once, only for the same database, user, campaign, thresholds and
 * filter, and only within `FRESH_MS` of being asked for. Anything else and the screen reads as
 * before.
 */
import type { Api } from '../../lib/api';
import type { BoardFilter } from '../../lib/bindings/BoardFilter';
import type { BoardSummary } from '../../lib/bindings/BoardSummary';
import type { FlagSettings } from '../../lib/bindings/FlagSettings';
import type { SignOff } from '../../lib/bindings/SignOff';
import type { Wire } from '../../lib/wire';
import type { Kept } from '../../lib/components/moderation/kept';
import { boardFilter } from './board';
import { PAGE } from './windows.svelte';
import { ReadSlot, settled } from '../../lib/readSlot';

export { FRESH_MS } from '../../lib/readSlot';

/** What `loadBoard` waits for on a first open. */
export type FirstReads = {
  board: Wire<BoardSummary>;
  signoffs: SignOff[];
  /** The thresholds read again (the board was asked for with the kept ones). */
  latest: FlagSettings;
};

/** The filter a new Moderation screen starts with. */
export const STARTING_FILTER: BoardFilter = boardFilter({ flag: 'all', panel: 'all', outcome: 'all' });

/** Identifies a request: database and user (`scope`), campaign, thresholds and filter. */
export function readsKey(scope: string, campaignId: number, settings: FlagSettings, filter: BoardFilter): string {
  return JSON.stringify([scope, campaignId, settings.spread_threshold, settings.panel_mean_threshold, filter]);
}

/**
 * What the board waits for when it loads: its summary and first page for `settings` and
 * `filter`, the sign-off history (`history` if the caller has it for the campaign's state),
 * and `latest`, the thresholds read again (asked for by the caller, which may need them first).
 * The one place these reads are made, at the click and by the screen alike.
 */
export function readBoard(
  api: Pick<Api, 'boardSummary' | 'signoffs'>,
  campaignId: number,
  settings: FlagSettings,
  filter: BoardFilter,
  history: SignOff[] | null,
  latest: Promise<FlagSettings>,
): Promise<FirstReads> {
  return Promise.all([api.boardSummary(campaignId, settings, filter, PAGE), history ?? api.signoffs(campaignId), latest]).then(
    ([board, signoffs, latest]) => ({ board, signoffs, latest }),
  );
}

/** Reads taken by the screen: those asked for, the thresholds they were asked with, and when. */
export type TakenReads = { reads: Promise<FirstReads>; settings: FlagSettings; askedAt: number };

export class FirstReadsSlot {
  private readonly slot: ReadSlot<{ reads: Promise<FirstReads>; settings: FlagSettings }>;

  constructor(now?: () => number) {
    this.slot = new ReadSlot(now);
  }

  /**
   * Asks for the board's first reads of `campaignId`, if its thresholds and campaign are kept
   * (else nothing: the screen reads them itself). Resolves when they are in or have failed;
   * never rejects (a failure is the screen's to show, when it takes the reads).
   */
  ask(
    api: Pick<Api, 'boardSummary' | 'signoffs' | 'flagSettings'>,
    kept: Kept,
    scope: string,
    campaignId: number | null,
  ): Promise<void> {
    this.slot.clear();
    if (campaignId == null) return Promise.resolve();
    const settings = kept.flagSettings(campaignId);
    const campaign = kept.campaign(campaignId)?.campaign;
    if (!settings || !campaign) return Promise.resolve();
    const latest = api.flagSettings(campaignId);
    const reads = readBoard(api, campaignId, settings, STARTING_FILTER, kept.signoffs(campaignId, campaign.state), latest);
    this.slot.hold(readsKey(scope, campaignId, settings, STARTING_FILTER), { reads, settings });
    return settled(reads);
  }

  /** The reads asked for exactly `key`, once, if still fresh, with when they were asked for
   * (the benchmark's `board:ipc` starts there); else null (and none are kept). */
  take(key: string): TakenReads | null {
    const taken = this.slot.take(key);
    return taken && { ...taken.held, askedAt: taken.askedAt };
  }
}

/** The one slot the Moderation screen and App.go() share. */
export const firstReads = new FirstReadsSlot();
