import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CombinedScores from './CombinedScores.svelte';

const combined = [
  {
    key: 'c1', name: 'Working Together', value: 12, not_assessed: false,
    exercises: [
      { exercise: 'e1', exercise_name: 'Interview', value: 5, not_assessed: false },
      { exercise: 'e2', exercise_name: 'Presentation', value: 7, not_assessed: false },
    ],
  },
  {
    key: 'c2', name: 'Delivering at Pace', value: 4, not_assessed: false,
    exercises: [{ exercise: 'e1', exercise_name: 'Interview', value: 4, not_assessed: false }],
  },
];

describe('CombinedScores', () => {
  it('shows every criterion compactly, and names the exercises when opened', async () => {
    render(CombinedScores, { combined });
    const details = screen.getByTestId('combined-scores') as HTMLDetailsElement;
    const summary = details.querySelector('summary')!;
    expect(summary.textContent).toBe('5 · 7 → 12; 4 → 4');
    expect(details.open).toBe(false);
    expect(details.querySelectorAll('li')).toHaveLength(0);
    await fireEvent.click(summary);
    expect(details.open).toBe(true);
    await waitFor(() => expect(details.querySelectorAll('li')).toHaveLength(2));
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Working Together: Interview 5 · Presentation 7 → 12',
      'Delivering at Pace: Interview 4 → 4',
    ]);
  });
});
