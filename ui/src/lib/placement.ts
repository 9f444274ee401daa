// Which panel assesses a candidate in which exercise — the screen's copy of the core's one
// rule (src/model/placement.rs): a candidate sits every exercise before their own panel unless
// HR placed it before another. The core and the database enforce it; the Scoring screen asks
// it to list the right candidates and, per candidate, only the entries this seat scores.
import type { Assessor } from './bindings/Assessor';
import type { Candidate } from './bindings/Candidate';
import type { Scorecard } from './bindings/Scorecard';
import type { Wire } from './wire';

type Seat = Pick<Wire<Assessor>, 'role' | 'panel_id' | 'exercise'>;
type Placed = Pick<Wire<Candidate>, 'panel_id' | 'exercise_panels'>;

/** The panel that assesses the candidate in `exercise` (`null`: a scorecard with one). */
export function panelFor(candidate: Placed, exercise: string | null): number | null {
  const placed = exercise === null ? undefined : (candidate.exercise_panels ?? []).find((p) => p.exercise === exercise);
  return placed?.panel_id ?? candidate.panel_id;
}

/** Whether `seat` assesses the candidate in `exercise`: on that exercise's panel, not limited
 * to another exercise. */
export function assesses(seat: Seat, candidate: Placed, exercise: string | null): boolean {
  if (seat.role === 'moderator' || seat.panel_id === null) return false;
  if (seat.exercise && exercise !== null && seat.exercise !== exercise) return false;
  return seat.panel_id === panelFor(candidate, exercise);
}

/** The exercises scores are kept under: each key when there are several, else one `null`. */
export function scoredExercises(scorecard: Pick<Wire<Scorecard>, 'exercises'>): (string | null)[] {
  return scorecard.exercises.length > 1 ? scorecard.exercises.map((e) => e.key) : [null];
}

/** Whether `seat` assesses the candidate in at least one of `exercises`. */
export function assessedInAny(seat: Seat, candidate: Placed, exercises: (string | null)[]): boolean {
  return exercises.some((e) => assesses(seat, candidate, e));
}
