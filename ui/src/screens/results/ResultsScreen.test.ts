import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

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

vi.mock('../../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/api')>();
  return {
    ...real,
    api: {
      ...real.api,
      listCampaigns: async () => [campaign],
      getCampaign: async () => campaign,
      listAssessors: async () => [],
      myRoles: async () => ({ records: [] }),
      results: async () => [],
      stats: async () => stats,
      getPosts: async () => null,
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
});
