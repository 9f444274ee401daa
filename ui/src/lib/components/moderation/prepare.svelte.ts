/**
 * A moderator has chosen a campaign: what the Moderation and Results screens first wait for is
 * made ready before either is opened. The core computes the board and the results
 * (`prepare_views`, on a connection of its own), and the campaign, its people and its flag
 * thresholds are kept (`kept.ts`), so the first opening of those screens starts with its own
 * request, as a second opening does. At 2,000 candidates, the computation and those reads in
 * turn were most of the first opening (tests/e2e/large.mjs).
 */
import type { Api } from '../../api';
import type { Kept } from './kept';
import { picked } from './picked.svelte';

/** Nothing is awaited by the caller; a failure leaves things as they were (the screens read
 * them again, and show any error then). */
export async function prepareModeration(
  api: Pick<Api, 'prepareViews' | 'getCampaign' | 'listAssessors' | 'flagSettings'>,
  kept: () => Kept,
  campaignId: number,
  moderatorId: number,
): Promise<void> {
  api.prepareViews(campaignId).catch(() => {});
  try {
    const [campaign, assessors, settings] = await Promise.all([
      api.getCampaign(campaignId),
      api.listAssessors(campaignId),
      api.flagSettings(campaignId),
    ]);
    kept().keepCampaign(campaignId, { campaign, assessors, moderatorId });
    kept().keepFlagSettings(campaignId, settings);
    // The picker's own default (the session's campaign), known before it loads the list.
    if (picked.campaignId == null) {
      picked.campaignId = campaignId;
      picked.moderatorId = moderatorId;
    }
  } catch {
    // Read again by the screens.
  }
}
