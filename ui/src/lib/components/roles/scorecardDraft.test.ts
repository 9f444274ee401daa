import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../bindings/Criterion';
import type { Scale } from '../../bindings/Scale';
import type { Scorecard } from '../../bindings/Scorecard';
import {
  addPoint,
  addQuestion,
  customFrom,
  deletePoint,
  deleteQuestion,
  editQuestion,
  freshKey,
  fromScorecard,
  moveItem,
  sameScale,
  setIncluded,
  sortPoints,
  toScorecard,
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
