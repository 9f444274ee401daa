/**
 * The criteria as scored, grouped by the exercise they were assessed in, for the candidate's
 * evidence. With one exercise there is one group without a name (no heading needed).
 */
import type { Exercise } from '../../bindings/Exercise';
import type { ScorecardCriterion } from '../../bindings/ScorecardCriterion';
import type { Wire } from '../../wire';

export type ExerciseGroup<T> = {
  /** The exercise's key, or null for the one group of a single-exercise scorecard. */
  key: string | null;
  name: string | null;
  /** The entries with their index in the scorecard as scored (results' criteria follow it). */
  entries: { criterion: T; index: number }[];
};

/** Groups `criteria` (the scorecard as scored) by exercise, in the order the exercises come. */
export function groupByExercise<T extends Pick<Wire<ScorecardCriterion>, 'exercise'>>(
  criteria: readonly T[],
  exercises: readonly Pick<Exercise, 'key' | 'name'>[],
): ExerciseGroup<T>[] {
  if (!criteria.some((c) => c.exercise)) {
    return [{ key: null, name: null, entries: criteria.map((criterion, index) => ({ criterion, index })) }];
  }
  const groups = new Map<string, ExerciseGroup<T>>();
  criteria.forEach((criterion, index) => {
    const key = criterion.exercise ?? '';
    let group = groups.get(key);
    if (!group) {
      const name = exercises.find((e) => e.key === key)?.name ?? (key ? `Exercise ${key}` : 'Other');
      group = { key, name, entries: [] };
      groups.set(key, group);
    }
    group.entries.push({ criterion, index });
  });
  return [...groups.values()];
}
