/** A board row of a campaign with two exercises, for the board's tests: Data Analysis (c2) is
 * assessed in the interview (e1) and the technical test (e2), Working Together (c1) in the
 * interview only; the technical test was moderated from 2 to 3, and the exercises disagree. */
import type { BoardRow } from '../bindings/BoardRow';
import type { Wire } from '../wire';
import { wireRow } from './board';

export const COMBINED_KEYS = ['c1@e1', 'c2@e1', 'c2@e2', 'c1', 'c2'];

export function combinedWireRow(id = 1): Wire<BoardRow> {
  return {
    ...wireRow(id - 1),
    total: 9.5,
    scaled_total: 9.5,
    outcome: 'pass',
    outcome_reason: 'meets every pass mark',
    position: 1,
    cells: [
      [5, null, 5, false, 'agreed', true],
      [6, null, 6, false, 'agreed', true],
      [2, 3, 3, false, 'moderated', false],
    ],
    combined: [
      {
        key: 'c1', name: 'Working Together', value: 5, not_assessed: false,
        exercises: [{ exercise: 'e1', exercise_name: 'Interview', value: 5, not_assessed: false }],
      },
      {
        key: 'c2', name: 'Data Analysis', value: 4.5, not_assessed: false,
        exercises: [
          { exercise: 'e1', exercise_name: 'Interview', value: 6, not_assessed: false },
          { exercise: 'e2', exercise_name: 'Technical test', value: 3, not_assessed: false },
        ],
      },
    ],
    flags: [['exercises_disagree', 4, null]],
  };
}
