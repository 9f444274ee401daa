/**
 * The audit log in plain words: what each action is called, and an entity key
 * ("campaign/1/candidate/2/criterion/c10") as the names a person knows. The keys themselves
 * stay on screen in small print, for support and for anyone checking the chain.
 */

/** Every action the core records, by what a person would call it. */
export const ACTIONS: readonly { action: string; words: string }[] = [
  { action: 'role.create', words: 'Role created' },
  { action: 'role.update', words: 'Role changed' },
  { action: 'scorecard.create', words: 'Scorecard created' },
  { action: 'scorecard.update', words: 'Scorecard changed' },
  { action: 'campaign.create', words: 'Campaign created' },
  { action: 'campaign.state', words: 'Campaign stage changed (scoring, moderation, sign-off, reopening)' },
  { action: 'campaign.posts', words: 'Number of posts set' },
  { action: 'panel.create', words: 'Panel added' },
  { action: 'assessor.create', words: 'Person added to a campaign' },
  { action: 'candidate.create', words: 'Candidate added' },
  { action: 'candidate.update', words: 'Candidate changed' },
  { action: 'candidate.erase', words: 'Candidate’s personal data erased' },
  { action: 'score.save', words: 'Score saved as a draft' },
  { action: 'score.submit', words: 'Scores submitted' },
  { action: 'agreed.set', words: 'Agreed score recorded' },
  { action: 'moderation.set', words: 'Score moderated' },
  { action: 'tie.order', words: 'Tie separated' },
];

/** "Score moderated" for "moderation.set"; an action this list lacks keeps its key. */
export function actionWords(action: string): string {
  return ACTIONS.find((a) => a.action === action)?.words ?? action;
}

/** Names the UI knows, to put in place of ids. */
export interface Names {
  campaigns?: ReadonlyMap<number, string>;
  roles?: ReadonlyMap<number, string>;
  scorecards?: ReadonlyMap<number, string>;
  /** Candidate references by id. */
  candidates?: ReadonlyMap<number, string>;
  /** Criterion names by key. */
  criteria?: ReadonlyMap<string, string>;
  /** People (assessors, moderators) by id. */
  people?: ReadonlyMap<number, string>;
}

const KINDS: Record<string, { word: string; names?: keyof Names; quote?: boolean }> = {
  campaign: { word: 'campaign', names: 'campaigns', quote: true },
  role: { word: 'role', names: 'roles', quote: true },
  scorecard: { word: 'scorecard', names: 'scorecards', quote: true },
  candidate: { word: 'candidate', names: 'candidates' },
  criterion: { word: 'criterion', names: 'criteria', quote: true },
  assessor: { word: 'person', names: 'people' },
  panel: { word: 'panel' },
  version: { word: 'version' },
};

/**
 * "campaign/1/candidate/2/criterion/c10" → "Campaign “E2E” › candidate C-002 › criterion
 * “Working Together”", with ids where no name is known.
 */
export function entityWords(entity: string, names: Names = {}): string {
  const parts = entity.split('/');
  const out: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const kind = KINDS[parts[i]];
    const id = parts[i + 1];
    if (!kind) {
      out.push(`${parts[i]} ${id}`);
      continue;
    }
    const table = kind.names ? (names[kind.names] as ReadonlyMap<number | string, string> | undefined) : undefined;
    const name = table?.get(kind.names === 'criteria' ? id : Number(id));
    out.push(name ? `${kind.word} ${kind.quote ? `“${name}”` : name}` : `${kind.word} ${id}`);
  }
  if (parts.length % 2 === 1 && parts[parts.length - 1]) out.push(parts[parts.length - 1]);
  const text = out.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
