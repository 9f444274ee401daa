import { describe, expect, it } from 'vitest';
import { groupByExercise } from './exerciseGroups';

const exercises = [
  { key: 'e1', name: 'Interview' },
  { key: 'e2', name: 'Presentation' },
];

describe('groupByExercise', () => {
  it('keeps a single-exercise scorecard as one group without a heading', () => {
    const groups = groupByExercise<{ key: string; exercise?: string }>([{ key: 'c1' }, { key: 'c2' }], []);
    expect(groups).toEqual([{ key: null, name: null, entries: [{ criterion: { key: 'c1' }, index: 0 }, { criterion: { key: 'c2' }, index: 1 }] }]);
  });

  it('groups entries by exercise in their order, keeping each entry’s index', () => {
    const criteria = [
      { key: 'c1@e1', exercise: 'e1' },
      { key: 'c2@e1', exercise: 'e1' },
      { key: 'c2@e2', exercise: 'e2' },
      { key: 'c3@e9', exercise: 'e9' },
    ];
    const groups = groupByExercise(criteria, exercises);
    expect(groups.map((g) => [g.name, g.entries.map((e) => `${e.criterion.key}#${e.index}`)])).toEqual([
      ['Interview', ['c1@e1#0', 'c2@e1#1']],
      ['Presentation', ['c2@e2#2']],
      ['Exercise e9', ['c3@e9#3']],
    ]);
  });
});
