import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import BoardGrid from './BoardGrid.svelte';
import { indexFlags, type Result } from '../../../screens/moderation/board';

// jsdom has no layout: bind:clientHeight needs a ResizeObserver, and every height reads 0.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const criteria = ['Seeing the Big Picture', 'Working Together'].map((name, i) => ({
  key: `c${i + 1}`,
  criterion: { kind: 'behaviour' as const, name, group: null, priority: 'essential' as const, code: null, level: null, indicators: [] },
  weight: 1,
  pass_mark: 4,
  questions: [],
}));

function row(id: number, over: Partial<Result> = {}): Result {
  return {
    candidate_id: id,
    reference: `C-${String(id).padStart(4, '0')}`,
    name: `Zoë Candidate ${id}`,
    panel: 'Panel A',
    criteria: [
      { key: 'c1', agreed: 5, moderated: null, value: 5, not_assessed: false, source: 'agreed', meets_pass_mark: true },
      { key: 'c2', agreed: 5, moderated: 4, value: 4, not_assessed: false, source: 'moderated', meets_pass_mark: true },
    ],
    total: 9,
    scaled_total: 9,
    outcome: 'fail',
    outcome_reason: 'total 9 is below the overall pass mark 12',
    position: null,
    tied: false,
    tie_note: null,
    boundary_tie: false,
    reserve: false,
    ...over,
  };
}

const many = Array.from({ length: 5000 }, (_, i) => row(i + 1));
const flags = indexFlags([
  { kind: 'wide_spread', candidate_id: 1, criterion_key: 'c2', assessor_id: null, panel_id: 1, reason: 'members scored Working Together from 3 to 6 (spread 3 ≥ 2)' },
]);

describe('BoardGrid', () => {
  it('renders a window of rows, not all 5,000, and tells assistive tech the full count', () => {
    const { container } = render(BoardGrid, { rows: many, criteria, flags, anonymised: false, onopen: () => {} });
    const rendered = container.querySelectorAll('tr[data-testid="board-row"]');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(40);
    expect(container.querySelector('table')?.getAttribute('aria-rowcount')).toBe('5001');
    expect(rendered[0].getAttribute('aria-rowindex')).toBe('2');
  });

  it('marks moderated cells and puts the flag reason on the cell', () => {
    const { container } = render(BoardGrid, { rows: many.slice(0, 3), criteria, flags, anonymised: false, onopen: () => {} });
    const cell = container.querySelector('tr[data-reference="C-0001"] td[data-criterion="Working Together"]')!;
    expect(cell.classList.contains('moderated')).toBe(true);
    expect(cell.classList.contains('cell-flag')).toBe(true);
    expect(cell.getAttribute('title')).toContain('moderated to 4 (agreed 5)');
    expect(cell.getAttribute('title')).toContain('from 3 to 6');
    expect(container.querySelector('tr[data-reference="C-0001"] td.flags')?.textContent).toContain('Wide spread');
    expect(container.querySelector('tr[data-reference="C-0002"] td.flags')?.textContent?.trim()).toBe('');
  });

  it('hides names in the anonymised view', () => {
    const { container } = render(BoardGrid, { rows: many.slice(0, 3), criteria, flags, anonymised: true, onopen: () => {} });
    expect(container.textContent).not.toContain('Zoë');
    expect(container.textContent).toContain('C-0001');
    expect(screen.queryByRole('columnheader', { name: 'Name' })).toBeNull();
  });

  it('opens a candidate from their reference button', async () => {
    const onopen = vi.fn();
    render(BoardGrid, { rows: many.slice(0, 3), criteria, flags, anonymised: false, onopen });
    await fireEvent.click(screen.getByRole('button', { name: 'Open evidence for C-0002 Zoë Candidate 2' }));
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ candidate_id: 2 }));
  });

  it('says so when no candidate matches', () => {
    render(BoardGrid, { rows: [], criteria, flags, anonymised: false, onopen: () => {} });
    expect(screen.getByText('No candidates match these filters.')).toBeTruthy();
  });
});
