/**
 * The scorecard builder's working state and its edits, as pure functions. The builder holds
 * every criterion of the role, each included or not; saving keeps the included ones in order.
 * The core validates the scorecard (pass marks on the scale, tie-break, weights) on save.
 */
import type { Combine } from '../../bindings/Combine';
import type { Criterion } from '../../bindings/Criterion';
import type { Exercise } from '../../bindings/Exercise';
import type { ExerciseKind } from '../../bindings/ExerciseKind';
import type { Scale } from '../../bindings/Scale';
import type { ScalePoint } from '../../bindings/ScalePoint';
import type { Scorecard } from '../../bindings/Scorecard';
import type { ScorecardCriterion } from '../../bindings/ScorecardCriterion';
import type { Wire } from '../../wire';

/** One row of the builder: a scorecard criterion and whether it is on the scorecard. */
export type BuilderItem = { included: boolean; item: ScorecardCriterion };

/** What the builder edits. */
export type BuilderState = {
  title: string;
  role_title: string;
  role_grade: string | null;
  scale: Scale;
  items: BuilderItem[];
  overall_pass_mark: number;
  tie_break: string | null;
  /**
   * The exercises and the criteria each assesses (keys of any row, included or not, so a
   * criterion left out and brought back keeps its ticks); empty: the implicit interview.
   */
  exercises: Exercise[];
  combine: Combine;
};

function copyItem(c: ScorecardCriterion): ScorecardCriterion {
  return { ...c, criterion: { ...c.criterion, indicators: [...c.criterion.indicators] }, questions: [...c.questions] };
}

function copyRow(r: BuilderItem): BuilderItem {
  return { included: r.included, item: copyItem(r.item) };
}

function sameCriterion(a: Criterion, b: Criterion): boolean {
  return a.kind === b.kind && a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

/** The first key of the form `cN` that `used` does not hold. */
export function freshKey(used: Iterable<string>): string {
  const taken = new Set(used);
  let n = 1;
  while (taken.has(`c${n}`)) n += 1;
  return `c${n}`;
}

/**
 * Builder state from a scorecard (a new draft, or a stored one being edited). Criteria of
 * `role` that the scorecard leaves out are added after it, not included, with fresh keys, so
 * they can be brought back.
 */
export function fromScorecard(card: Wire<Scorecard>, role?: { criteria: Criterion[] } | null): BuilderState {
  const items: BuilderItem[] = card.criteria.map((c) => ({ included: true, item: copyItem(c) }));
  for (const criterion of role?.criteria ?? []) {
    if (items.some((r) => sameCriterion(r.item.criterion, criterion))) continue;
    items.push({
      included: false,
      item: {
        key: freshKey(items.map((r) => r.item.key)),
        criterion: { ...criterion, indicators: [...criterion.indicators] },
        weight: 1,
        pass_mark: null,
        questions: [],
      },
    });
  }
  return {
    title: card.title,
    role_title: card.role_title,
    role_grade: card.role_grade,
    scale: copyScale(card.scale),
    items,
    overall_pass_mark: card.overall_pass_mark,
    tie_break: card.tie_break,
    exercises: (card.exercises ?? []).map((e) => ({ ...e, criteria: [...e.criteria] })),
    combine: card.combine ?? 'sum',
  };
}

/**
 * The scorecard to save: the included criteria in builder order. A tie-break on a criterion
 * that is no longer included is dropped, since it could not order anything.
 */
export function toScorecard(state: BuilderState): Wire<Scorecard> {
  const criteria = state.items
    .filter((r) => r.included)
    .map((r) => {
      const c = copyItem(r.item);
      c.questions = c.questions.map((q) => q.trim()).filter((q) => q !== '');
      return c;
    });
  const tieBreak = criteria.some((c) => c.key === state.tie_break) ? state.tie_break : null;
  return {
    title: state.title.trim(),
    role_title: state.role_title,
    role_grade: state.role_grade,
    scale: copyScale(state.scale),
    criteria,
    overall_pass_mark: state.overall_pass_mark,
    tie_break: tieBreak,
    exercises: savedExercises(state.exercises, criteria.map((c) => c.key)),
    combine: state.combine,
  };
}

/** Includes or leaves out the row at `i`. */
export function setIncluded(items: BuilderItem[], i: number, included: boolean): BuilderItem[] {
  return items.map((r, k) => (k === i ? { ...copyRow(r), included } : copyRow(r)));
}

/** Moves the row at `from` to `to` (clamped). */
export function moveItem(items: BuilderItem[], from: number, to: number): BuilderItem[] {
  const out = items.map(copyRow);
  if (from < 0 || from >= out.length) return out;
  const [row] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, row);
  return out;
}

/** Changes how row `i` is scored (weight, pass mark, questions). */
export function updateItem(
  items: BuilderItem[],
  i: number,
  patch: Partial<Pick<ScorecardCriterion, 'weight' | 'pass_mark' | 'questions'>>,
): BuilderItem[] {
  return items.map((r, k) => (k === i ? { included: r.included, item: { ...copyItem(r.item), ...patch } } : copyRow(r)));
}

/** Adds an empty question to row `i`. */
export function addQuestion(items: BuilderItem[], i: number): BuilderItem[] {
  return updateItem(items, i, { questions: [...items[i].item.questions, ''] });
}

/** Replaces question `j` of row `i`. */
export function editQuestion(items: BuilderItem[], i: number, j: number, text: string): BuilderItem[] {
  return updateItem(items, i, { questions: items[i].item.questions.map((q, m) => (m === j ? text : q)) });
}

/** Removes question `j` of row `i`. */
export function deleteQuestion(items: BuilderItem[], i: number, j: number): BuilderItem[] {
  return updateItem(items, i, { questions: items[i].item.questions.filter((_, m) => m !== j) });
}

/** A copy of a scale. */
export function copyScale(scale: Scale): Scale {
  return { name: scale.name, points: scale.points.map((p) => ({ ...p })) };
}

/** A custom scale to start from: the current one's points under a new name. */
export function customFrom(scale: Scale, name = 'Custom scale'): Scale {
  return { name, points: scale.points.map((p) => ({ ...p })) };
}

/** Adds a point one above the highest value (or 1 on an empty scale). */
export function addPoint(scale: Scale): Scale {
  const top = scale.points.reduce((m, p) => Math.max(m, p.value), 0);
  return { name: scale.name, points: [...scale.points.map((p) => ({ ...p })), { value: top + 1, label: '', descriptor: '' }] };
}

/** Changes point `i`. */
export function updatePoint(scale: Scale, i: number, patch: Partial<ScalePoint>): Scale {
  return { name: scale.name, points: scale.points.map((p, k) => (k === i ? { ...p, ...patch } : { ...p })) };
}

/** Removes point `i`. */
export function deletePoint(scale: Scale, i: number): Scale {
  return { name: scale.name, points: scale.points.filter((_, k) => k !== i).map((p) => ({ ...p })) };
}

/**
 * Points in ascending order of value, as the core requires them kept. Equal values keep
 * their order, so the core can still name the clash.
 */
export function sortPoints(scale: Scale): Scale {
  return { name: scale.name, points: [...scale.points].sort((a, b) => a.value - b.value).map((p) => ({ ...p })) };
}

/** Whether two scales are the same, point for point. */
export function sameScale(a: Scale, b: Scale): boolean {
  return (
    a.name === b.name &&
    a.points.length === b.points.length &&
    a.points.every((p, i) => {
      const q = b.points[i];
      return p.value === q.value && p.label === q.label && p.descriptor === q.descriptor;
    })
  );
}

/** The kinds of exercise, in the order menus offer them (the core's `ExerciseKind::ALL`). */
export const EXERCISE_KINDS: { kind: ExerciseKind; label: string }[] = [
  { kind: 'interview', label: 'Interview' },
  { kind: 'presentation', label: 'Presentation' },
  { kind: 'written', label: 'Written exercise' },
  { kind: 'technical_test', label: 'Technical test' },
  { kind: 'other', label: 'Other' },
];

/** Key of the one exercise of a scorecard that lists none (the core's `IMPLICIT_KEY`). */
export const IMPLICIT_EXERCISE = 'e1';

function copyExercise(e: Exercise): Exercise {
  return { ...e, criteria: [...e.criteria] };
}

function includedKeys(items: BuilderItem[]): string[] {
  return items.filter((r) => r.included).map((r) => r.item.key);
}

/**
 * The exercises as the builder shows them: the listed ones, or the implicit interview
 * assessing every included criterion when none are listed (the core's `exercise_list`).
 */
export function exerciseList(exercises: Exercise[], items: BuilderItem[]): Exercise[] {
  if (exercises.length > 0) return exercises.map(copyExercise);
  return [{ key: IMPLICIT_EXERCISE, name: 'Interview', kind: 'interview', criteria: includedKeys(items) }];
}

/**
 * Adds an exercise assessing nothing yet and returns the list and its key (`e` and the next
 * number, as the core's `Scorecard::add_exercise`). A scorecard that listed none first gets
 * its implicit interview, so the new exercise comes beside it.
 */
export function addExercise(exercises: Exercise[], items: BuilderItem[]): { exercises: Exercise[]; key: string } {
  const list = exerciseList(exercises, items);
  const numbers = list.map((e) => /^e(\d+)$/.exec(e.key)).filter((m) => m !== null).map((m) => Number(m[1]));
  const key = `e${Math.max(0, ...numbers) + 1}`;
  list.push({ key, name: `Exercise ${list.length + 1}`, kind: 'other', criteria: [] });
  return { exercises: list, key };
}

/** Removes the exercise `key`; the last one stays (a scorecard is always assessed somewhere). */
export function removeExercise(exercises: Exercise[], items: BuilderItem[], key: string): Exercise[] {
  const list = exerciseList(exercises, items);
  if (list.length <= 1) return list;
  return list.filter((e) => e.key !== key);
}

/** Changes the name, kind or weight of exercise `key` (a weight of `undefined` means 1). */
export function updateExercise(
  exercises: Exercise[],
  items: BuilderItem[],
  key: string,
  patch: Partial<Pick<Exercise, 'name' | 'kind' | 'weight'>>,
): Exercise[] {
  return exerciseList(exercises, items).map((e) => {
    if (e.key !== key) return e;
    const next = { ...e, ...patch };
    if (next.weight === undefined) delete next.weight;
    return next;
  });
}

/**
 * Ticks or unticks criterion `criterion` in exercise `exercise`. A ticked criterion takes its
 * place in the order the panel meets the criteria (the builder's order).
 */
export function setAssessed(
  exercises: Exercise[],
  items: BuilderItem[],
  exercise: string,
  criterion: string,
  on: boolean,
): Exercise[] {
  const order = items.map((r) => r.item.key);
  return exerciseList(exercises, items).map((e) => {
    if (e.key !== exercise) return e;
    const rest = e.criteria.filter((k) => k !== criterion);
    if (!on) return { ...e, criteria: rest };
    const at = order.indexOf(criterion);
    const before = rest.findIndex((k) => order.indexOf(k) > at || order.indexOf(k) === -1);
    const criteria = [...rest];
    criteria.splice(before === -1 ? criteria.length : before, 0, criterion);
    return { ...e, criteria };
  });
}

/** Included criteria that no exercise assesses (the core refuses to save them). */
export function unassessed(exercises: Exercise[], items: BuilderItem[]): BuilderItem[] {
  const list = exerciseList(exercises, items);
  return items.filter((r) => r.included && !list.some((e) => e.criteria.includes(r.item.key)));
}

/**
 * The exercises to save for the scorecard's criteria `keys`. Each keeps only criteria still on
 * the scorecard (the core refuses the rest); a single exercise assesses every one of them,
 * since there is nowhere else to assess them.
 */
function savedExercises(exercises: Exercise[], keys: string[]): Exercise[] {
  if (exercises.length === 1) return [{ ...copyExercise(exercises[0]), criteria: [...keys] }];
  return exercises.map((e) => ({ ...copyExercise(e), criteria: e.criteria.filter((k) => keys.includes(k)) }));
}
