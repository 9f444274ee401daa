import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

// The screen pages back through a log of 1,200 events, 500 at a time.
const calls = { filters: [] as Record<string, unknown>[] };
const log = Array.from({ length: 1200 }, (_, i) => ({
  seq: i + 1, at: '2026-12-02T10:00:00Z', actor: i % 2 ? 'amara' : 'helen', action: 'score.update', entity: 'campaign/1',
  subject: null, before: null, after: null, prev_hash: '', hash: `hash${i + 1}`,
}));

const { api } = await import('../../lib/api');
vi.spyOn(api, 'listAuditEvents').mockImplementation(async (filter) => {
  calls.filters.push(filter);
  const matching = log.filter((e) => (!filter.actor || e.actor === filter.actor) && (filter.before_seq === undefined || e.seq < filter.before_seq));
  return matching.slice(Math.max(0, matching.length - (filter.limit ?? matching.length))) as never;
});
vi.spyOn(api, 'auditAnchor').mockResolvedValue('1200:abc');
for (const list of ['listCampaigns', 'listRoles', 'listScorecards'] as const) vi.spyOn(api, list).mockResolvedValue([]);

vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(0), 0));
const { default: AuditScreen } = await import('./AuditScreen.svelte');

const rows = () => [...document.querySelectorAll('[data-testid="audit-table"] tbody tr')];
const firstCell = (row: Element | undefined) => row?.querySelector('td')?.textContent;

describe('AuditScreen older events', () => {
  it('appends the next 500 before the oldest shown until the start of the log, which it says', async () => {
    render(AuditScreen);
    await waitFor(() => expect(rows()).toHaveLength(500));
    expect(firstCell(rows()[0])).toBe('1200');
    expect(firstCell(rows()[499])).toBe('701');
    await fireEvent.click(screen.getByRole('button', { name: 'Show older events' }));
    await waitFor(() => expect(rows()).toHaveLength(1000));
    expect(firstCell(rows()[500])).toBe('700');
    await fireEvent.click(screen.getByRole('button', { name: 'Show older events' }));
    await waitFor(() => expect(rows()).toHaveLength(1200));
    expect(firstCell(rows()[1199])).toBe('1');
    const end = screen.getByText(/^Start of the log/);
    expect(screen.queryByRole('button', { name: 'Show older events' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(end));
    expect(calls.filters.at(-1)).toMatchObject({ before_seq: 201, limit: 500 });
  });

  it('keeps the filters applied for the older pages', async () => {
    calls.filters.length = 0;
    render(AuditScreen);
    await waitFor(() => expect(rows()).toHaveLength(500));
    await fireEvent.input(screen.getByLabelText(/Done by/), { target: { value: 'helen' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(firstCell(rows()[0])).toBe('1199'));
    await fireEvent.click(screen.getByRole('button', { name: 'Show older events' }));
    await waitFor(() => expect(screen.getByText('Start of the log for these filters: no older events.')).toBeTruthy());
    expect(calls.filters.at(-1)).toMatchObject({ actor: 'helen', before_seq: 201, limit: 500 });
    await waitFor(() => expect(rows()).toHaveLength(600));
    expect(rows().every((r) => r.textContent?.includes('helen'))).toBe(true);
  });
});
