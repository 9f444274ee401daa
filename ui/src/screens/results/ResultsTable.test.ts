import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import '../../lib/testing/layout';
import { PAGE, WindowedRows } from '../../lib/windowed.svelte';
import ResultsTable from './ResultsTable.svelte';

// A merit list of 600 candidates, served a page at a time as the core does.
const row = (i: number) => ({
  candidate_id: i + 1, reference: `C-${String(i + 1).padStart(4, '0')}`, name: `Candidate ${i + 1}`, panel: 'Panel A',
  total: 30, scaled_total: 30, outcome: 'pass', outcome_reason: '', position: i + 1, tied: false, tie_note: null,
  boundary_tie: false, reserve: false,
});
const TOTAL = 600;
const page = (offset: number, limit: number) => ({
  offset,
  matching: TOTAL,
  rows: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => row(offset + k)),
});

describe('ResultsTable keyboard', () => {
  it('moves the keyboard past the rows drawn, to rows whose page it fetches first', async () => {
    const asked: number[] = [];
    const source = new WindowedRows<ReturnType<typeof row>>(
      async (offset, limit) => {
        asked.push(offset);
        return page(offset, limit) as never;
      },
      page(0, PAGE) as never,
      (r) => r,
    );
    const { getByTestId } = render(ResultsTable, {
      source: source as never,
      kind: 'merit',
      combinedNames: [],
      testid: 'merit',
      caption: 'Merit list',
      ondetails: () => {},
    });
    const table = getByTestId('merit');
    const focused = () => document.activeElement as HTMLElement;
    const stops = [...table.querySelectorAll<HTMLElement>('[tabindex="0"]')];
    expect(stops.map((e) => e.getAttribute('aria-rowindex'))).toEqual(['2']);
    stops[0].focus();
    const drawn = table.querySelectorAll('tbody tr[data-row]').length;
    for (let i = 1; i <= drawn + 2; i++) {
      await fireEvent.keyDown(focused(), { key: 'ArrowDown' });
      await waitFor(() => expect(focused().dataset.row).toBe(String(i)));
    }
    // The last candidate, ten pages on: fetched, drawn and focused, with its reference.
    await fireEvent.keyDown(focused(), { key: 'End' });
    await waitFor(() => expect(focused().getAttribute('aria-rowindex')).toBe(String(TOTAL + 1)));
    await waitFor(() => expect(focused().dataset.reference).toBe('C-0600'));
    expect(asked).toContain(Math.floor((TOTAL - 1) / PAGE) * PAGE);
    expect(table.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
  });
});
