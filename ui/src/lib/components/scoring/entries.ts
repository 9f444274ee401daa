/** Turning stored scores into what the scoring form edits, and back. */
import type { IndicatorMark } from '../../bindings/IndicatorMark';
import type { Score } from '../../bindings/Score';
import type { ScoreInput } from '../../bindings/ScoreInput';
import type { Wire } from '../../wire';
import type { ScoreDraft } from './drafts';

/** The form's starting point for a criterion: the stored score, or nothing yet. Every
 * indicator gets a mark; one never marked stays "unmarked" (never silently "not shown"). */
export function draftFromScore(score: Wire<Score> | undefined, indicatorCount: number): ScoreDraft {
  const marks: IndicatorMark[] = Array.from({ length: indicatorCount }, (_, i) => score?.indicators[i] ?? 'unmarked');
  return {
    value: score?.value ?? null,
    not_assessed: score?.not_assessed ?? false,
    evidence: score?.evidence ?? '',
    indicators: marks,
  };
}

/** A score or "not assessed" has been chosen. */
export function isDecided(d: ScoreDraft): boolean {
  return d.value !== null || d.not_assessed;
}

export function toInput(candidateId: number, assessorId: number, criterionKey: string, d: ScoreDraft): Wire<ScoreInput> {
  return {
    candidate_id: candidateId,
    assessor_id: assessorId,
    criterion_key: criterionKey,
    value: d.value,
    not_assessed: d.not_assessed,
    evidence: d.evidence,
    indicators: [...d.indicators],
  };
}

/** "5", "Not assessed" or "—" (nothing chosen). */
export function valueText(d: { value: number | null; not_assessed: boolean }): string {
  if (d.not_assessed) return 'Not assessed';
  return d.value === null ? '—' : String(d.value);
}
