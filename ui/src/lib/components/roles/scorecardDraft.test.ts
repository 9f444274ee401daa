import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../bindings/Criterion';
import type { Scale } from '../../bindings/Scale';
import type { Scorecard } from '../../bindings/Scorecard';
import {
  addExercise,
  addPoint,
  addQuestion,
  customFrom,
  deletePoint,
  deleteQuestion,
  editQuestion,
  exerciseList,
  freshKey,
  fromScorecard,
  moveItem,
  removeExercise,
  sameScale,
  setAssessed,
  setIncluded,
  sortPoints,
  toScorecard,
  unassessed,
  updateExercise,
  updateItem,
  updatePoint,
} from './scorecardDraft';

const scale: Scale = {
  name: 'Civil Service 1–7',
  points: [1, 2, 3, 4, 5, 6, 7].map((v) => ({ value: v, label: `L${v}`, descriptor: `D${v}` })),
};

function crit(name: string, kind: Criterion['kind'] = 'behaviour'): Criterion {
  return { kind, name, group: null, priority: 'essential', code: null, level: null, indicators: [`${name} indicator`] };
}

function draft(names: string[]): Scorecard {
  return {
    title: 'Interview',
    role_title: 'Engineer',
    role_grade: 'SEO',
    scale,
    criteria: names.map((n, i) => ({ key: `c${i + 1}`, criterion: crit(n), weight: 1, pass_mark: 4, questions: [] })),
    overall_pass_mark: 4 * names.length,
    tie_break: null,
    exercises: [],
    combine: 'sum',
  };
}

describe('building from a draft', () => {
  it('includes every criterion of the draft and saves the included ones in the chosen order', () => {
    let state = fromScorecard(draft(['A', 'B', 'C', 'D']));
    expect(state.items.every((r) => r.included)).toBe(true);
    state = { ...state, items: setIncluded(state.items, 1, false) };
    state = { ...state, items: moveItem(state.items, 3, 0) };
    const card = toScorecard({ ...state, overall_pass_mark: 12, tie_break: 'c1' });
    expect(card.criteria.map((c) => c.criterion.name)).toEqual(['D', 'A', 'C']);
    // keys stay with their criteria, so the tie-break still names A
    expect(card.criteria.map((c) => c.key)).toEqual(['c4', 'c1', 'c3']);
    expect(card).toMatchObject({ overall_pass_mark: 12, tie_break: 'c1', title: 'Interview' });
  });

  it('drops a tie-break on a criterion that was left out', () => {
    let state = fromScorecard(draft(['A', 'B']));
    state = { ...state, tie_break: 'c2', items: setIncluded(state.items, 1, false) };
    expect(toScorecard(state).tie_break).toBeNull();
  });

  it('sets weights and pass marks, and keeps only questions with text', () => {
    let state = fromScorecard(draft(['A']));
    let items = updateItem(state.items, 0, { weight: 2, pass_mark: null });
    items = addQuestion(items, 0);
    items = editQuestion(items, 0, 0, '  Tell us about a time…  ');
    items = addQuestion(items, 0);
    items = addQuestion(items, 0);
    items = editQuestion(items, 0, 2, 'Second?');
    expect(items[0].item.questions).toEqual(['  Tell us about a time…  ', '', 'Second?']);
    items = deleteQuestion(items, 0, 2);
    state = { ...state, items };
    const c = toScorecard(state).criteria[0];
    expect(c).toMatchObject({ weight: 2, pass_mark: null, questions: ['Tell us about a time…'] });
  });

  it('never changes the draft it was built from', () => {
    const d = draft(['A']);
    const state = fromScorecard(d);
    updateItem(state.items, 0, { weight: 3 });
    state.items[0].item.questions.push('x');
    expect(d.criteria[0].questions).toEqual([]);
    expect(d.criteria[0].weight).toBe(1);
  });
});

describe('editing a stored scorecard', () => {
  it('offers the role’s criteria the scorecard left out, not included, under fresh keys', () => {
    const stored = draft(['A', 'C']);
    const role = { criteria: [crit('A'), crit('B'), crit('C'), crit('D', 'technical')] };
    const state = fromScorecard(stored, role);
    expect(state.items.map((r) => [r.item.criterion.name, r.included, r.item.key])).toEqual([
      ['A', true, 'c1'],
      ['C', true, 'c2'],
      ['B', false, 'c3'],
      ['D', false, 'c4'],
    ]);
    expect(toScorecard(state).criteria.map((c) => c.criterion.name)).toEqual(['A', 'C']);
  });

  it('finds the first free key', () => {
    expect(freshKey([])).toBe('c1');
    expect(freshKey(['c1', 'c2', 'c4'])).toBe('c3');
  });
});

describe('custom scales', () => {
  it('starts from the current points under a new name, and adds, edits, removes and sorts points', () => {
    let s = customFrom(scale, 'Stars');
    expect(s.name).toBe('Stars');
    expect(s.points).toHaveLength(7);
    s = deletePoint(deletePoint(s, 6), 5);
    s = addPoint(s);
    expect(s.points.at(-1)).toEqual({ value: 6, label: '', descriptor: '' });
    s = updatePoint(s, 5, { value: 0, label: 'None' });
    s = sortPoints(s);
    expect(s.points.map((p) => p.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.points[0].label).toBe('None');
    expect(scale.points).toHaveLength(7);
  });

  it('tells whether two scales are the same', () => {
    expect(sameScale(scale, customFrom(scale, scale.name))).toBe(true);
    expect(sameScale(scale, updatePoint(scale, 0, { descriptor: 'other' }))).toBe(false);
  });
});

describe('exercises', () => {
  it('shows a scorecard without exercises as one interview assessing every included criterion', () => {
    let state = fromScorecard(draft(['A', 'B', 'C']));
    state = { ...state, items: setIncluded(state.items, 1, false) };
    expect(exerciseList(state.exercises, state.items)).toEqual([
      { key: 'e1', name: 'Interview', kind: 'interview', criteria: ['c1', 'c3'] },
    ]);
    // saved unchanged: still no list of exercises
    expect(toScorecard(state).exercises).toEqual([]);
  });

  it('adding a second makes both explicit, keyed e + the next number', () => {
    const state = fromScorecard(draft(['A', 'B']));
    const first = addExercise(state.exercises, state.items);
    expect(first.key).toBe('e2');
    expect(first.exercises).toEqual([
      { key: 'e1', name: 'Interview', kind: 'interview', criteria: ['c1', 'c2'] },
      { key: 'e2', name: 'Exercise 2', kind: 'other', criteria: [] },
    ]);
    // after a removal the number is not reused while a higher one exists
    const second = addExercise(first.exercises, state.items);
    expect(second.key).toBe('e3');
    const gap = removeExercise(second.exercises, state.items, 'e2');
    expect(addExercise(gap, state.items).key).toBe('e4');
  });

  it('removes an exercise but never the last', () => {
    const state = fromScorecard(draft(['A']));
    const { exercises } = addExercise(state.exercises, state.items);
    const one = removeExercise(exercises, state.items, 'e1');
    expect(one.map((e) => e.key)).toEqual(['e2']);
    expect(removeExercise(one, state.items, 'e2').map((e) => e.key)).toEqual(['e2']);
  });

  it('renames, changes the kind and sets or clears the weight', () => {
    const state = fromScorecard(draft(['A']));
    let list = updateExercise(state.exercises, state.items, 'e1', { name: 'Presentation', kind: 'presentation', weight: 2 });
    expect(list).toEqual([{ key: 'e1', name: 'Presentation', kind: 'presentation', weight: 2, criteria: ['c1'] }]);
    list = updateExercise(list, state.items, 'e1', { weight: undefined });
    expect('weight' in list[0]).toBe(false);
  });

  it('toggles a criterion in an exercise, keeping the order the panel meets the criteria', () => {
    const state = fromScorecard(draft(['A', 'B', 'C']));
    let list = addExercise(state.exercises, state.items).exercises;
    list = setAssessed(list, state.items, 'e2', 'c3', true);
    list = setAssessed(list, state.items, 'e2', 'c1', true);
    list = setAssessed(list, state.items, 'e2', 'c2', true);
    expect(list[1].criteria).toEqual(['c1', 'c2', 'c3']);
    list = setAssessed(list, state.items, 'e2', 'c2', false);
    list = setAssessed(list, state.items, 'e1', 'c1', false);
    expect(list.map((e) => e.criteria)).toEqual([['c2', 'c3'], ['c1', 'c3']]);
    // ticking twice does not list it twice
    expect(setAssessed(list, state.items, 'e2', 'c1', true)[1].criteria).toEqual(['c1', 'c3']);
  });

  it('a criterion left out of the scorecard leaves the matrix, and comes back with its ticks', () => {
    let state = fromScorecard(draft(['A', 'B', 'C']));
    let list = addExercise(state.exercises, state.items).exercises;
    list = setAssessed(list, state.items, 'e2', 'c2', true);
    state = { ...state, exercises: list, items: setIncluded(state.items, 1, false) };
    expect(toScorecard(state).exercises.map((e) => e.criteria)).toEqual([['c1', 'c3'], []]);
    state = { ...state, items: setIncluded(state.items, 1, true) };
    expect(toScorecard(state).exercises.map((e) => e.criteria)).toEqual([['c1', 'c2', 'c3'], ['c2']]);
  });

  it('names the included criteria no exercise assesses', () => {
    const state = fromScorecard(draft(['A', 'B']));
    let list = addExercise(state.exercises, state.items).exercises;
    list = setAssessed(list, state.items, 'e1', 'c2', false);
    expect(unassessed(list, state.items).map((r) => r.item.criterion.name)).toEqual(['B']);
    const without = setIncluded(state.items, 1, false);
    expect(unassessed(list, without)).toEqual([]);
  });

  it('a single exercise assesses every criterion on the scorecard when saved', () => {
    let state = fromScorecard(draft(['A', 'B']));
    state = { ...state, exercises: [{ key: 'e1', name: 'Written', kind: 'written', criteria: ['c1'] }], combine: 'mean' };
    expect(toScorecard(state)).toMatchObject({
      exercises: [{ key: 'e1', name: 'Written', kind: 'written', criteria: ['c1', 'c2'] }],
      combine: 'mean',
    });
  });

  it('carries stored exercises and the combination through unchanged', () => {
    const card = draft(['A', 'B']);
    card.exercises = [
      { key: 'e1', name: 'Interview', kind: 'interview', criteria: ['c2', 'c1'] },
      { key: 'e3', name: 'Test', kind: 'technical_test', weight: 0.5, criteria: ['c2'] },
    ];
    card.combine = 'mean';
    const saved = toScorecard(fromScorecard(card));
    expect(saved.exercises).toEqual(card.exercises);
    expect(saved.combine).toBe('mean');
  });
});
