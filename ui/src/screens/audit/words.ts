import type { AuditAction } from '../../lib/bindings/AuditAction';
import type { AuditSubject } from '../../lib/bindings/AuditSubject';
import type { Wire } from '../../lib/wire';

/**
 * The audit log in plain words: what each action is called, and an entity key
 * ("campaign/1/candidate/2/criterion/c10") as the names a person knows. The keys themselves
 * stay on screen in small print, for support and for anyone checking the chain.
 */

/**
 * Every action a local file's log records, by what a person would call it. Keyed by the
 * generated `AuditAction` (the core's one list), so an action added there without words here
 * fails the type check.
 */
const LOCAL_WORDS: Record<AuditAction, string> = {
  'user.create': 'User added',
  'role.create': 'Role created',
  'role.update': 'Role changed',
  'scorecard.create': 'Scorecard created',
  'scorecard.update': 'Scorecard changed',
  'campaign.create': 'Campaign created',
  'campaign.state': 'Campaign stage changed (scoring, moderation, sign-off, reopening)',
  'campaign.posts': 'Number of posts set',
  'campaign.flag_settings': 'Flag thresholds changed',
  'campaign.retention': 'How long personal data is kept set',
  'campaign.purge': 'Personal data deleted at the end of its retention',
  'panel.create': 'Panel added',
  'assessor.create': 'Person added to a campaign',
  'assessor.exercise': 'Exercise a person assesses set',
  'candidate.create': 'Candidate added',
  'candidate.update': 'Candidate changed',
  'candidate.erase': 'Candidate’s personal data erased',
  'candidate.withdraw': 'Candidate withdrawn',
  'candidate.adjustments': 'Candidate’s adjustments recorded',
  'candidate.exercise_panel': 'Candidate placed before a panel for an exercise',
  'conflict.declare': 'Conflict of interest declared',
  'conflict.confirm_none': 'No conflict of interest confirmed',
  'score.save': 'Score saved as a draft',
  'score.submit': 'Scores submitted',
  'agreed.set': 'Agreed score recorded',
  'moderation.set': 'Score moderated',
  'tie.order': 'Tie separated',
  'anchor.recorded': 'Position of the log recorded (at sign-off or an import)',
};

/** Every action the core records, by what a person would call it, in the core's order. */
export const ACTIONS: readonly { action: AuditAction; words: string }[] = (
  Object.entries(LOCAL_WORDS) as [AuditAction, string][]
).map(([action, words]) => ({ action, words }));

/**
 * A shared database's actions: its audit trigger names the table and the operation
 * ("scores.update"), and a submission "scores.submit".
 */
export const SERVER_ACTIONS: readonly { action: string; words: string }[] = [
  { action: 'users.', words: 'User added or changed' },
  { action: 'roles.', words: 'Role created or changed' },
  { action: 'scorecards.', words: 'Scorecard created or changed' },
  { action: 'scorecard_versions.', words: 'Scorecard version saved' },
  { action: 'campaigns.insert', words: 'Campaign created' },
  { action: 'campaigns.update', words: 'Campaign changed (stage, posts, retention)' },
  { action: 'panels.', words: 'Panel added or changed' },
  { action: 'assessors.', words: 'Person added to a campaign or changed' },
  { action: 'candidates.insert', words: 'Candidate added' },
  { action: 'candidates.update', words: 'Candidate changed (details, withdrawal, adjustments, erasure)' },
  { action: 'candidate_exercise_panels.', words: 'Candidate placed before a panel for an exercise' },
  { action: 'conflicts.', words: 'Conflict of interest declared or none confirmed' },
  { action: 'scores.insert', words: 'Score saved as a draft' },
  { action: 'scores.update', words: 'Draft score changed' },
  { action: 'scores.submit', words: 'Scores submitted' },
  { action: 'agreed_scores.', words: 'Agreed score recorded' },
  { action: 'moderations.', words: 'Score moderated' },
  { action: 'tie_orders.', words: 'Tie separated' },
  { action: 'signoffs.', words: 'Results signed off or reopened' },
  { action: 'imports.', words: 'Import recorded' },
];

/** The actions the filter offers: the local file's, or a shared database's. */
export function actionsOf(shared: boolean): readonly { action: string; words: string }[] {
  return shared ? SERVER_ACTIONS : ACTIONS;
}

/**
 * "Score moderated" for "moderation.set" (or the server's "moderations.insert"); an action
 * neither list knows keeps its key.
 */
export function actionWords(action: string): string {
  return (
    ACTIONS.find((a) => a.action === action)?.words ??
    SERVER_ACTIONS.find((a) => (a.action.endsWith('.') ? action.startsWith(a.action) : action === a.action))
      ?.words ??
    action
  );
}

/** Names the UI knows, to put in place of ids. */
export interface Names {
  campaigns?: ReadonlyMap<number, string>;
  roles?: ReadonlyMap<number, string>;
  scorecards?: ReadonlyMap<number, string>;
  /** Candidate references by id. */
  candidates?: ReadonlyMap<number, string>;
  /** Criterion names by campaign id, then by key: keys ("c1", "c1@e2") are the scorecard's
   * own, so two campaigns may give the same key different criteria. */
  criteria?: ReadonlyMap<number, ReadonlyMap<string, string>>;
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

/** A campaign's criterion names by key: the scorecard's own entries, then those it is scored
 * by (one per exercise and criterion when there are several exercises, "c1@e2"). */
export function criterionNames(campaign: {
  scorecard: { criteria: readonly { key: string; criterion: { name: string } }[] };
  assessed: { criteria: readonly { key: string; criterion: { name: string } }[] };
}): ReadonlyMap<string, string> {
  const all = [...campaign.scorecard.criteria, ...campaign.assessed.criteria];
  return new Map(all.map((c) => [c.key, c.criterion.name]));
}

/** What a server event is about, as ids: the generated `AuditSubject` as it arrives. */
export type Subject = Pick<Wire<AuditSubject>, 'campaign_id' | 'candidate_id' | 'assessor_id'>;

/** "campaign “E2E”" when the name is known, else "campaign 3". A criterion is looked up in the
 * criteria of `campaign`, the campaign the entity is in. */
function named(names: Names, kind: string, id: number | string, campaign?: number | null): string {
  const k = KINDS[kind];
  const list =
    kind === 'criterion'
      ? campaign != null
        ? names.criteria?.get(campaign)
        : undefined
      : k.names
        ? (names[k.names] as ReadonlyMap<number | string, string> | undefined)
        : undefined;
  const name = (list as ReadonlyMap<number | string, string> | undefined)?.get(id);
  return name ? `${k.word} ${k.quote ? `“${name}”` : name}` : `${k.word} ${id}`;
}

/** A shared database's tables, by what a person calls one of their rows. */
const TABLES: Record<string, string> = {
  users: 'user',
  roles: 'role',
  scorecards: 'scorecard',
  scorecard_versions: 'scorecard version',
  campaigns: 'campaign',
  panels: 'panel',
  assessors: 'person',
  candidates: 'candidate',
  candidate_exercise_panels: 'exercise placement',
  conflicts: 'conflict statement',
  scores: 'score',
  agreed_scores: 'agreed score',
  moderations: 'moderated score',
  tie_orders: 'tie order',
  signoffs: 'sign-off',
  imports: 'import',
};

/** Tables whose entity ends in a criterion key (`scores/CANDIDATE/ASSESSOR/KEY`). */
const BY_CRITERION = new Set(['scores', 'agreed_scores', 'moderations']);

/**
 * A server event's entity ("scores/17/2/c1": a table and its key) in the names the user knows,
 * from the ids the event is about: "Campaign “E2E” › candidate C-017 › person 2 › score
 * of criterion “Working Together”".
 */
function serverEntityWords(table: string, parts: string[], subject: Subject, names: Names): string {
  const out: string[] = [];
  if (subject.campaign_id != null && table !== 'campaigns') out.push(named(names, 'campaign', subject.campaign_id));
  if (subject.candidate_id != null && table !== 'candidates') out.push(named(names, 'candidate', subject.candidate_id));
  if (subject.assessor_id != null) out.push(named(names, 'assessor', subject.assessor_id));
  const key = parts[parts.length - 1];
  if (BY_CRITERION.has(table) && key) out.push(`${TABLES[table]} of ${named(names, 'criterion', key, subject.campaign_id)}`);
  else if (table === 'campaigns' && subject.campaign_id != null) out.push(named(names, 'campaign', subject.campaign_id));
  else if (table === 'candidates' && subject.candidate_id != null) out.push(named(names, 'candidate', subject.candidate_id));
  else out.push(`${TABLES[table]} ${parts.slice(1).filter(Boolean).join(' ')}`.trim());
  const text = out.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "campaign/1/candidate/2/criterion/c10" → "Campaign “E2E” › candidate C-002 › criterion
 * “Working Together”", with ids where no name is known. A shared database's entities name a
 * table and a key; with the event's `subject` they read the same way.
 */
export function entityWords(entity: string, names: Names = {}, subject?: Subject): string {
  const parts = entity.split('/');
  if (subject && parts[0] in TABLES) return serverEntityWords(parts[0], parts, subject, names);
  const out: string[] = [];
  let campaign: number | undefined;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const kind = parts[i];
    const id = parts[i + 1];
    if (kind === 'campaign') campaign = Number(id);
    if (!(kind in KINDS)) out.push(`${kind} ${id}`);
    else out.push(named(names, kind, kind === 'criterion' ? id : Number(id), campaign));
  }
  if (parts.length % 2 === 1 && parts[parts.length - 1]) out.push(parts[parts.length - 1]);
  const text = out.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What an event is about (`entityWords`), in the two lines of the audit table's cell: the thing
 * itself (the last part: the criterion, the candidate, the role) on a line of its own, and on
 * the first line what it belongs to, the outermost part (the campaign, role or scorecard) apart
 * from the rest, ` › ` kept with each. The cell shortens the outermost first: the candidate and
 * the criterion are what tell a trail's events apart (at 1280 px, one line cut the criterion
 * off). One part alone: `last` only. */
export function aboutLines(about: string): { outer: string; inner: string; last: string } {
  const parts = about.split(' › ');
  const last = parts.pop() ?? '';
  if (parts.length === 0) return { outer: '', inner: '', last };
  const [outer, ...rest] = parts;
  return rest.length === 0
    ? { outer: `${outer} ›`, inner: '', last }
    : { outer: `${outer} › `, inner: `${rest.join(' › ')} ›`, last };
}
