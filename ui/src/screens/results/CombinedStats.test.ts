import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CombinedStats from './CombinedStats.svelte';

const combined = [
  {
    key: 'c1', name: 'Working Together', mean: 4.25, spread: 4,
    panels: [
      { panel_id: 1, name: 'Panel A', mean: 4.5, spread: 1, candidates: 2 },
      { panel_id: 2, name: 'Panel B', mean: 4, spread: 4, candidates: 2 },
    ],
  },
  {
    key: 'c2', name: 'Data Analysis', mean: 3.8333333, spread: 1.5,
    panels: [{ panel_id: 1, name: 'Panel A', mean: 4.25, spread: 0.5, candidates: 2 }],
  },
];

describe('CombinedStats', () => {
  it('shows mean and spread per criterion, over the campaign and per panel', () => {
    render(CombinedStats, { combined });
    const table = screen.getByTestId('combined-stats');
    const rows = [...table.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['Criterion', 'All panels', 'Panel A', 'Panel B'],
      ['Working Together', '4.25 · 4.00', '4.50 · 1.00', '4.00 · 4.00'],
      ['Data Analysis', '3.83 · 1.50', '4.25 · 0.50', '—'],
    ]);
  });
});
