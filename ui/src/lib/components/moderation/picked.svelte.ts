/**
 * The campaign and moderator chosen on the Moderation, Results and Export screens, shared
 * between them (so moving from the board to the results keeps the campaign). They start from
 * the session's campaign and assessor when those are set; choosing here never changes the
 * session itself.
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
