/**
 * The campaign chosen on the Moderation, Results and Export screens, shared between them (so
 * moving from the board to the results keeps the campaign), and the signed-in user's own
 * moderator record in it (null when they do not moderate it). Choosing here never changes
 * who is signed in.
 */
export const picked = $state({
  campaignId: null as number | null,
  moderatorId: null as number | null,
});

/** Labels for campaign states, as an HR user reads them. */
export const STATE_LABELS: Record<string, string> = {
  setup: 'Setting up',
  scoring: 'Scoring',
  moderation: 'In moderation',
  signed_off: 'Signed off',
};
