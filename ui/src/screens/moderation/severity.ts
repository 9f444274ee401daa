/**
 * How much each kind of flag matters to a moderator. The core raises flags without a severity;
 * this is the UI's ranking of its rules, so the board can put first what could change a result
 * or shows a record that cannot be right, and let routine disagreement wait.
 *
 * - high ("needs attention"): the panel agreed a score none of its members gave (the record
 *   and the evidence disagree), a criterion has no agreed score (no result without it), or a
 *   tie straddles the last post (sign-off is refused until it is separated);
 * - medium: members far apart, a panel scoring unlike the others, a score with no evidence,
 *   a criterion's exercises scoring it far apart (the combined score hides it);
 * - low: members either side of a pass mark (one member's score, routinely settled when the
 *   panel agrees), indicator marks that do not match the score.
 */
import type { FlagKind } from '../../lib/bindings/FlagKind';

export type Severity = 'high' | 'medium' | 'low';

export const SEVERITY: Readonly<Record<FlagKind, Severity>> = {
  agreed_outside_range: 'high',
  unscored: 'high',
  boundary_tie: 'high',
  wide_spread: 'medium',
  panel_outlier: 'medium',
  no_evidence: 'medium',
  exercises_disagree: 'medium',
  pass_mark_split: 'low',
  indicators_at_odds: 'low',
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  high: 'Needs attention',
  medium: 'Check',
  low: 'Minor',
};

const RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

export function severityOf(kind: FlagKind): Severity {
  return SEVERITY[kind];
}

/** Most severe first; flags of equal severity keep their order. */
export function bySeverity<T extends { kind: FlagKind }>(flags: readonly T[]): T[] {
  return flags
    .map((flag, i) => ({ flag, i }))
    .sort((a, b) => RANK[SEVERITY[a.flag.kind]] - RANK[SEVERITY[b.flag.kind]] || a.i - b.i)
    .map((x) => x.flag);
}

/** The most severe of `flags`, or null when there are none. */
export function worstSeverity(flags: readonly { kind: FlagKind }[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of flags) {
    const s = SEVERITY[f.kind];
    if (worst === null || RANK[s] < RANK[worst]) worst = s;
  }
  return worst;
}

/** A candidate with at least one high-severity flag. */
export function needsAttention(flags: readonly { kind: FlagKind }[]): boolean {
  return worstSeverity(flags) === 'high';
}
