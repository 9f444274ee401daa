import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import '../../lib/testing/layout';

// With several exercises the statistics have a row per panel and exercise ("Panel A
// (Interview)", "Panel A (Technical test)"), so a panel's id repeats. Keyed by the id alone, the
// repeat stopped the whole Results screen from rendering: it stayed at "Loading results…".
const card = {
  title: 'T', role_title: 'R', role_grade: null, scale: { name: 'Civil Service 1–7', points: [] },
  criteria: [], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const,
};
const campaign = {
  id: 1, name: 'Two exercises', scorecard_id: 1, scorecard_version: 1, state: 'moderation' as const,
  created_at: '', scorecard: card, assessed: card,
};
const panel = (name: string, icc: number) => ({ panel_id: 1, name, icc, mean: 4.5, candidates: 3 });
const stats = {
  icc: 0.8, icc_units: 6, krippendorff_alpha: 0.8, alpha_units: 6,
  panels: [panel('Panel A (Interview)', 0.81), panel('Panel A (Technical test)', 0.64)],
  leniency: [], criteria: [],
};

const row = (id: number, over: Record<string, unknown> = {}) => ({
  candidate_id: id, reference: `C-${id}`, name: `Candidate ${id}`, panel: 'Panel A', total: 20 - id, scaled_total: 20 - id,
  outcome: 'pass', outcome_reason: '', position: id, tied: false, tie_note: null, boundary_tie: false, reserve: false, ...over,
});
const win = (rows: ReturnType<typeof row>[], matching = rows.length) => ({ offset: 0, matching, rows });
const tied = [row(2, { tied: true, boundary_tie: true }), row(3, { position: 2, tied: true, boundary_tie: true, total: 18, scaled_total: 18 })];
const summary = {
  candidates: 4, outcomes: { pass: 3, fail: 1, incomplete: 0 }, reserve: 0, posts: 2, boundary_tied: 2,
  ties: [{ position: 2, boundary: true, candidates: tied }],
  combined: ['Working Together'],
  merit: win([row(1), ...tied]),
  reserve_first: win([]),
  others: win([row(4, { outcome: 'fail', position: null, outcome_reason: 'total below the pass mark' })]),
};
const combined = [{
  key: 'c1', name: 'Working Together', value: 12, not_assessed: false,
  exercises: [
    { exercise: 'e1', exercise_name: 'Interview', value: 5, not_assessed: false },
    { exercise: 'e2', exercise_name: 'Presentation', value: 7, not_assessed: false },
  ],
}];

const calls = vi.hoisted(() => ({ details: [] as number[][], orderTie: [] as number[][], rows: [] as unknown[][] }));

vi.mock('../../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/api')>();
  return {
    ...real,
    api: {
      ...real.api,
      listCampaigns: async () => [campaign],
      getCampaign: async () => campaign,
      listAssessors: async () => [{ id: 9, name: 'Mo Moderator', role: 'moderator' }],
      myRoles: async () => ({ records: [{ id: 9, role: 'moderator' }] }),
      resultsSummary: async () => summary,
      resultsRows: async (...args: unknown[]) => {
        calls.rows.push(args);
        return win([]);
      },
      resultsStats: async () => stats,
      resultDetails: async (_campaign: number, ids: number[]) => {
        calls.details.push(ids);
        return ids.map((candidate_id) => ({ candidate_id, criteria: [], combined }));
      },
      orderTie: async (_campaign: number, ids: number[]) => {
        calls.orderTie.push(ids);
      },
    },
  };
});

const { default: ResultsScreen } = await import('./ResultsScreen.svelte');

describe('ResultsScreen', () => {
  it('shows a panel once per exercise when its id repeats in the statistics', async () => {
    render(ResultsScreen);
    const heading = await screen.findByRole('heading', { name: 'Per panel' });
    const table = heading.parentElement!.querySelector('table')!;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Panel A (Interview)'),
      expect.stringContaining('Panel A (Technical test)'),
    ]);
    expect(screen.queryByText('Loading results…')).toBeNull();
  });

  it('opens on the summary: the counts, the first rows of each list and the ties, without asking for more rows', async () => {
    render(ResultsScreen);
    const tiles = await screen.findByTestId('results-summary');
    expect(tiles.textContent).toContain('3 passed');
    expect(tiles.textContent).toContain('1 did not pass');
    const merit = screen.getByTestId('merit-table');
    const refs = [...merit.querySelectorAll('tbody tr[data-reference]')].map((tr) => tr.getAttribute('data-reference'));
    expect(refs).toEqual(['C-1', 'C-2', 'C-3']);
    expect(merit.querySelector('tbody tr:nth-child(2) td')?.textContent).toBe('2=');
    expect(within(screen.getByTestId('not-passed-table')).getByText('total below the pass mark')).toBeTruthy();
    expect(screen.getByTestId('boundary-tie-hint')).toBeTruthy();
    expect((screen.getByLabelText('Posts to fill') as HTMLInputElement).value).toBe('2');
    expect(calls.rows).toEqual([]);
  });

  it('separates a tie in the order chosen', async () => {
    render(ResultsScreen);
    const down = await screen.findByRole('button', { name: 'Move C-2 down' });
    await fireEvent.click(down);
    await fireEvent.input(screen.getByLabelText('Reason for this order'), { target: { value: 'Stronger evidence' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Separate as Mo Moderator' }));
    await waitFor(() => expect(calls.orderTie).toEqual([[3, 2]]));
  });

  it('asks for a candidate’s scores by exercise only when they are opened', async () => {
    render(ResultsScreen);
    const open = await screen.findByRole('button', { name: 'Scores by exercise for C-3' });
    expect(calls.details).toEqual([]);
    await fireEvent.click(open);
    const panel = await screen.findByTestId('result-details');
    expect(calls.details).toEqual([[3]]);
    await waitFor(() => expect(panel.textContent).toContain('Working Together: Interview 5 · Presentation 7 → 12'));
  });
});
