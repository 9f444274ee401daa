/**
 * What the Scoring screen reads before it can show anything: the campaign, its people, panels
 * and candidates, the scorer's roles and progress, and the first candidate's scores (the
 * panel's too once submitted) and adjustments. One
 * function (`readScoring`) makes these reads, for the screen's `load` and, on opening the
 * screen, at the click (`ask`, called by App.go() through the screen's `prepare`), so the
 * screen is made with them at hand and drawn once, whole (as Moderation: see
 * screens/moderation/firstReads.ts).
 */
import type { Api } from '../../lib/api';
import type { AgreedScore } from '../../lib/bindings/AgreedScore';
import type { Assessor } from '../../lib/bindings/Assessor';
import type { Campaign } from '../../lib/bindings/Campaign';
import type { Candidate } from '../../lib/bindings/Candidate';
import type { Panel } from '../../lib/bindings/Panel';
import type { Score } from '../../lib/bindings/Score';
import type { Wire } from '../../lib/wire';
import { assessedInAny, scoredExercises } from '../../lib/placement';
import { mark } from '../../lib/timing';
import { ReadSlot, settled, type Taken } from '../../lib/readSlot';

/** How far the scorer is with one candidate, for the list. */
export type Progress = { marked: number; submitted: boolean };

/** What a scorer (member or chair, not a moderator) reads beyond the campaign. */
export type ScorerReads = {
  conflictsStated: boolean;
  /** The scorer's progress with each candidate of their panel, by candidate id. */
  progress: Record<number, Progress>;
  /** The candidate to open first, with what the screen shows of them. */
  first: FirstCandidate | null;
};

/**
 * The candidate the screen opens first and what it shows of them, read with the rest. A read
 * that failed is left for the screen to make again when it opens them, and to show the error.
 */
export type FirstCandidate = {
  id: number;
  /** Every score the user may see for them (the server gives only their own until they have
   * submitted, then the panel's); null if the read failed. */
  visible: Wire<Score>[] | null;
  /** The panel's agreed scores, read if the scorer had submitted for them (the server refuses
   * them before); null if not read or the read failed. */
  agreed: Wire<AgreedScore>[] | null;
  /** Their reasonable adjustments (null: none noted); undefined if the read failed. */
  adjustments: string | null | undefined;
};

export type ScoringReads = {
  campaign: Wire<Campaign>;
  assessors: Wire<Assessor>[];
  panels: Wire<Panel>[];
  /** The signed-in seat, if it is one of the campaign's assessors. */
  me: Wire<Assessor> | null;
  /** The candidates this seat assesses in some exercise (a candidate may sit one exercise
   * before another panel); none for a moderator. */
  candidates: Wire<Candidate>[];
  /** Null for a moderator or a user with no seat here. */
  scorer: ScorerReads | null;
};

type ScoringApi = Pick<
  Api,
  | 'myRoles'
  | 'ownPanelProgress'
  | 'getCampaign'
  | 'listAssessors'
  | 'listPanels'
  | 'listCandidates'
  | 'visibleScores'
  | 'agreedScores'
  | 'getAdjustments'
>;

/**
 * Reads what Scoring shows first for the seat `assessorId` in `campaignId`, opening `keep` if
 * it is still one of the seat's candidates (after an import), else the first not yet submitted.
 * Rejects with the first read that failed, except the first candidate's (see `FirstCandidate`).
 */
export async function readScoring(
  api: ScoringApi,
  campaignId: number,
  assessorId: number,
  keep: number | null = null,
): Promise<ScoringReads> {
  // Asked at once beside the campaign (each was a round trip more after it); awaited only for
  // a scorer, so a moderator here sees no refusal of what they do not need.
  const roles = api.myRoles(campaignId);
  const own = api.ownPanelProgress(campaignId);
  void settled(roles);
  void settled(own);
  const [campaign, assessors, panels, all] = await Promise.all([
    api.getCampaign(campaignId),
    api.listAssessors(campaignId),
    api.listPanels(campaignId),
    api.listCandidates(campaignId),
  ]);
  mark('scoring', 'campaign');
  const me = assessors.find((a) => a.id === assessorId) ?? null;
  const start = { campaign, assessors, panels, me };
  if (!me || me.role === 'moderator') return { ...start, candidates: [], scorer: null };
  const exercises = scoredExercises(campaign.scorecard);
  const candidates = all.filter((x) => assessedInAny(me, x, exercises));
  const { conflicts_stated: conflictsStated } = await roles;
  mark('scoring', 'roles');
  // One call for the whole panel's progress, not one per candidate (500 at a time on a large
  // panel); each candidate's own scores are read when they are opened, the first one's here.
  const progress: Record<number, Progress> = {};
  for (const p of await own) if (p.assessor_id === me.id) progress[p.candidate_id] = { marked: p.marked, submitted: p.submitted };
  mark('scoring', 'own-progress');
  const firstCandidate =
    candidates.find((x) => x.id === keep) ?? candidates.find((x) => !x.withdrawal && !progress[x.id]?.submitted) ?? candidates[0];
  const first = firstCandidate ? await readCandidate(api, campaignId, firstCandidate.id, progress[firstCandidate.id]?.submitted ?? false) : null;
  return { ...start, candidates, scorer: { conflictsStated, progress, first } };
}

/** What the screen shows of candidate `id` on opening them, read at once; the panel's agreed
 * scores only if the scorer has `submitted` for them. Never rejects (see `FirstCandidate`). */
async function readCandidate(api: ScoringApi, campaignId: number, id: number, submitted: boolean): Promise<FirstCandidate> {
  const failed = () => null;
  const [visible, agreed, adjustments] = await Promise.all([
    api.visibleScores(campaignId, id).catch(failed),
    submitted ? api.agreedScores(campaignId, id).catch(failed) : null,
    api.getAdjustments(campaignId, id).catch(() => undefined),
  ]);
  return { id, visible, agreed, adjustments };
}

/** Identifies a request: database and user (`scope`), campaign and seat. */
export function scoringKey(scope: string, campaignId: number, assessorId: number): string {
  return JSON.stringify([scope, campaignId, assessorId]);
}

export class ScoringReadsSlot {
  private readonly slot: ReadSlot<Promise<ScoringReads>>;

  constructor(now?: () => number) {
    this.slot = new ReadSlot(now);
  }

  /** Asks for the screen's first reads of the seat `assessorId` in `campaignId` (nothing
   * without both). Resolves when they are in or have failed; never rejects. */
  ask(api: ScoringApi, scope: string, campaignId: number | null, assessorId: number | null): Promise<void> {
    this.slot.clear();
    if (campaignId === null || assessorId === null) return Promise.resolve();
    const reads = readScoring(api, campaignId, assessorId);
    this.slot.hold(scoringKey(scope, campaignId, assessorId), reads);
    return settled(reads);
  }

  /** The reads asked for exactly `key`, once, if still fresh; else null. */
  take(key: string): Taken<Promise<ScoringReads>> | null {
    return this.slot.take(key);
  }
}

/** The one slot the Scoring screen and App.go() share. */
export const scoringReads = new ScoringReadsSlot();
