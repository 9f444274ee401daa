import { describe, expect, it } from 'vitest';
import { assessedInAny, assesses, panelFor, scoredExercises } from './placement';

const seat = (panel_id: number, exercise: string | null = null) => ({ role: 'member' as const, panel_id, exercise });
const zoe = { panel_id: 1, exercise_panels: [{ exercise: 'e2', panel_id: 9 }] };

describe('placement', () => {
  it('an exercise placed elsewhere leaves the own panel and goes to the other', () => {
    expect(panelFor(zoe, 'e1')).toBe(1);
    expect(panelFor(zoe, 'e2')).toBe(9);
    expect(panelFor(zoe, null)).toBe(1);
    expect(assesses(seat(1), zoe, 'e1')).toBe(true);
    expect(assesses(seat(1), zoe, 'e2')).toBe(false);
    expect(assesses(seat(9), zoe, 'e2')).toBe(true);
    expect(assesses(seat(9), zoe, 'e1')).toBe(false);
  });

  it('a seat limited to another exercise assesses nothing of the candidate', () => {
    expect(assessedInAny(seat(9, 'e1'), zoe, ['e1', 'e2'])).toBe(false);
    expect(assessedInAny(seat(9, 'e2'), zoe, ['e1', 'e2'])).toBe(true);
    expect(assessedInAny({ role: 'moderator', panel_id: 1, exercise: null }, zoe, ['e1', 'e2'])).toBe(false);
  });

  it('one exercise means every entry belongs to it', () => {
    expect(scoredExercises({ exercises: [] })).toEqual([null]);
    expect(assessedInAny(seat(1), { panel_id: 1, exercise_panels: [] }, [null])).toBe(true);
  });
});
