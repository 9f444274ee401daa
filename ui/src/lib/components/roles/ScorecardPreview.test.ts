import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../bindings/Scorecard';
import ScorecardPreview from './ScorecardPreview.svelte';

function card(exercises: Scorecard['exercises'], combine: Scorecard['combine'] = 'mean'): Scorecard {
  const names = ['Working Together', 'Delivering at Pace', 'Data Analysis'];
  return {
    title: 'Data Analyst',
    role_title: 'Data Analyst',
    role_grade: 'HEO',
    scale: { name: '1–7', points: [1, 2, 3, 4, 5, 6, 7].map((value) => ({ value, label: `L${value}`, descriptor: `D${value}` })) },
    criteria: names.map((name, i) => ({
      key: `c${i + 1}`,
      criterion: { kind: 'behaviour', name, group: null, priority: 'essential', code: null, level: null, indicators: [] },
      weight: 1,
      pass_mark: 4,
      questions: [],
    })),
    overall_pass_mark: 12,
    tie_break: null,
    exercises,
    combine,
  };
}

const twoExercises: Scorecard['exercises'] = [
  { key: 'e1', name: 'Interview', kind: 'interview', criteria: ['c1', 'c2', 'c3'] },
  { key: 'e2', name: 'Coding test', kind: 'technical_test', weight: 2, criteria: ['c3'] },
];

describe('ScorecardPreview', () => {
  it('shows the exercises and which criteria each assesses, read-only', () => {
    render(ScorecardPreview, { scorecard: card(twoExercises) });
    const matrix = screen.getByTestId('preview-exercises');
    const rows = [...matrix.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['Criterion', 'Interview Interview', 'Coding test Technical test · weight ×2'],
      ['Working Together', '✓', ''],
      ['Delivering at Pace', '✓', ''],
      ['Data Analysis', '✓', '✓'],
    ]);
    expect(within(matrix).queryAllByRole('checkbox')).toEqual([]);
    expect(matrix.textContent?.replace(/\s+/g, ' ')).toContain('counts the weighted mean of their scores');
    expect(screen.getAllByTestId('preview-assessed-in').map((t) => t.textContent)).toEqual([
      'In Interview',
      'In Interview',
      'In Interview · Coding test',
    ]);
  });

  it('says a sum when the scorecard adds the exercises up', () => {
    render(ScorecardPreview, { scorecard: card(twoExercises, 'sum') });
    expect(screen.getByTestId('preview-exercises').textContent?.replace(/\s+/g, ' ')).toContain('counts the sum of their scores');
  });

  it('shows no exercises for a scorecard with one', () => {
    render(ScorecardPreview, { scorecard: card([]) });
    expect(screen.queryByTestId('preview-exercises')).toBeNull();
    expect(screen.queryByTestId('preview-assessed-in')).toBeNull();
    expect(screen.getAllByTestId('preview-criterion')).toHaveLength(3);
  });
});
