import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../lib/testing/layout';

// The screen pages back through a log, 500 events at a time (1,200 unless a test says).
const calls = { filters: [] as Record<string, unknown>[] };
const makeLog = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    seq: i + 1, at: '2026-12-02T10:00:00Z', actor: i % 2 ? 'amara' : 'helen', action: 'score.update', entity: 'campaign/1',
    subject: null, before: i % 2 ? null : { mark: 1 }, after: { mark: 2 }, prev_hash: '', hash: `hash${i + 1}`,
  }));
let log = makeLog(1200);

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

/** The event rows in the page (not the spacers standing in for the rest). */
const rows = () => [...document.querySelectorAll('[data-testid="audit-table"] tbody tr[aria-rowindex]')];
const firstCell = (row: Element | undefined) => row?.querySelector('td')?.textContent;
const caption = () => document.querySelector('[data-testid="audit-table"] caption')?.textContent?.trim();
const showOlder = () => fireEvent.click(screen.getByRole('button', { name: 'Show older events' }));

afterEach(() => {
  log = makeLog(1200);
});

describe('AuditScreen older events', () => {
  it('counts the next 500 before the oldest shown until the start of the log, which it says', async () => {
    render(AuditScreen);
    await waitFor(() => expect(caption()).toMatch(/^500 events, newest first/));
    expect(firstCell(rows()[0])).toBe('1200');
    await showOlder();
    await waitFor(() => expect(caption()).toMatch(/^1,000 events/));
    await showOlder();
    await waitFor(() => expect(caption()).toMatch(/^1,200 events, newest first$/));
    expect(screen.getByTestId('audit-table').getAttribute('aria-rowcount')).toBe('1201');
    const end = screen.getByText(/^Start of the log/);
    expect(screen.queryByRole('button', { name: 'Show older events' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(end));
    expect(calls.filters.at(-1)).toMatchObject({ before_seq: 201, limit: 500 });
  });

  it('keeps the filters applied for the older pages', async () => {
    calls.filters.length = 0;
    render(AuditScreen);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await fireEvent.input(screen.getByLabelText(/Done by/), { target: { value: 'helen' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(firstCell(rows()[0])).toBe('1199'));
    await showOlder();
    await waitFor(() => expect(screen.getByText('Start of the log for these filters: no older events.')).toBeTruthy());
    expect(calls.filters.at(-1)).toMatchObject({ actor: 'helen', before_seq: 201, limit: 500 });
    expect(caption()).toMatch(/^600 events/);
    expect(rows().every((r) => r.textContent?.includes('helen'))).toBe(true);
  });
});

describe('AuditScreen end of the log', () => {
  it('speaks of the filters applied, not of the boxes edited since', async () => {
    log = makeLog(30);
    render(AuditScreen);
    await waitFor(() => expect(screen.getByTestId('audit-older').textContent?.trim()).toBe('Start of the log: no older events.'));
    // Typed, not applied: the list shown is still the whole log.
    await fireEvent.input(screen.getByLabelText(/Done by/), { target: { value: 'helen' } });
    expect(screen.getByTestId('audit-older').textContent?.trim()).toBe('Start of the log: no older events.');
    await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(caption()).toMatch(/^15 events/));
    expect(screen.getByTestId('audit-older').textContent?.trim()).toBe('Start of the log for these filters: no older events.');
    // Emptied, not applied: the list shown is still helen's.
    await fireEvent.input(screen.getByLabelText(/Done by/), { target: { value: '' } });
    expect(screen.getByTestId('audit-older').textContent?.trim()).toBe('Start of the log for these filters: no older events.');
  });

  it('says "no events match these filters" of the filters applied', async () => {
    log = makeLog(30);
    render(AuditScreen);
    await fireEvent.input(screen.getByLabelText(/Done by/), { target: { value: 'nobody' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByText('No events match these filters.')).toBeTruthy());
    await fireEvent.input(screen.getByLabelText(/Done by/), { target: { value: '' } });
    expect(screen.getByText('No events match these filters.')).toBeTruthy();
  });
});

describe('AuditScreen windowed table', () => {
  it('keeps the rows in the page bounded with 5,000 events read, and draws those scrolled to', async () => {
    log = makeLog(5000);
    // jsdom has no layout: give the table's box a height, as its size observer reports in the app.
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
    try {
      render(AuditScreen);
      await waitFor(() => expect(caption()).toMatch(/^500 events/));
      for (let shown = 1000; shown <= 5000; shown += 500) {
        await showOlder();
        await waitFor(() => expect(caption()).toMatch(new RegExp(`^${shown.toLocaleString('en-GB')} events`)));
      }
      const table = screen.getByTestId('audit-table');
      expect(table.getAttribute('aria-rowcount')).toBe('5001');
      // A window's worth (480 px of 48 px rows, and the overscan), not 5,000 rows.
      expect(rows().length).toBeLessThanOrEqual(30);
      expect(table.querySelectorAll('*').length).toBeLessThan(600);
      expect(firstCell(rows()[0])).toBe('5000');
      // Scrolled to the 3,000th row: it and its neighbours are drawn, still a window's worth.
      const viewport = table.parentElement!;
      viewport.scrollTop = 3000 * 48;
      await fireEvent.scroll(viewport);
      await waitFor(() => expect(rows().map(firstCell)).toContain(String(5000 - 3000)));
      expect(rows().length).toBeLessThanOrEqual(30);
      // Each row says where it is in the whole table (the header is row 1, seq 5,000 row 2).
      expect(rows()[0].getAttribute('aria-rowindex')).toBe(String(5000 - Number(firstCell(rows()[0])) + 2));
    } finally {
      height.mockRestore();
    }
  });

  it('takes the keyboard through every event, one Tab stop, past the rows drawn and back', async () => {
    log = makeLog(1200);
    render(AuditScreen);
    await waitFor(() => expect(caption()).toMatch(/^500 events/));
    const table = screen.getByTestId('audit-table');
    const focused = () => document.activeElement as HTMLElement;
    const key = (k: string) => fireEvent.keyDown(focused(), { key: k });
    // One row (the newest) and its button are in the Tab order; the other rows are not.
    const stops = [...table.querySelectorAll<HTMLElement>('[tabindex="0"]')];
    expect(stops.map((e) => e.tagName)).toEqual(['TR', 'BUTTON']);
    expect(stops[0].getAttribute('aria-rowindex')).toBe('2');
    stops[0].focus();
    const drawn = rows().length;
    // Down, row after row, past the last drawn: each next event is drawn and focused.
    for (let i = 1; i <= drawn + 5; i++) {
      await key('ArrowDown');
      await waitFor(() => expect(focused().getAttribute('aria-rowindex')).toBe(String(i + 2)));
      expect(focused().getAttribute('tabindex')).toBe('0');
    }
    expect(firstCell(focused())).toBe(String(1200 - drawn - 5));
    // End: the oldest read, far below the window; Up from there, row after row (jsdom does not
    // scroll, so each row above is one the window had not drawn).
    await key('End');
    await waitFor(() => expect(focused().getAttribute('aria-rowindex')).toBe('501'));
    for (let at = 501; at > 501 - drawn - 3; at--) {
      await key('ArrowUp');
      await waitFor(() => expect(focused().getAttribute('aria-rowindex')).toBe(String(at - 1)));
    }
    await key('Home');
    await waitFor(() => expect(focused().getAttribute('aria-rowindex')).toBe('2'));
    // Scrolled far away by the wheel: the focused row keeps its element (and the focus).
    const viewport = table.parentElement!;
    const row = focused();
    viewport.scrollTop = 400 * 48;
    await fireEvent.scroll(viewport);
    await waitFor(() => expect(rows().map(firstCell)).toContain('800'));
    expect(row.isConnected).toBe(true);
    expect(focused()).toBe(row);
  }, 30_000);

  it('opens an event’s before and after under the table, and closes it', async () => {
    log = makeLog(30);
    render(AuditScreen);
    await fireEvent.click(await screen.findByRole('button', { name: 'Details of event 29' }));
    const panel = screen.getByRole('region', { name: /^Event 29/ });
    expect(panel.textContent).toContain('Before');
    expect(panel.textContent).toContain('"mark": 2');
    expect(screen.getByRole('button', { name: 'Details of event 29' }).getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: /^Event 29/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Details of event 29' })));
  });
});

describe('AuditScreen names', () => {
  it('names the criterion an event is about from its campaign’s scorecard', async () => {
    const entry = (key: string, name: string) => ({ key, criterion: { name } });
    const campaign = {
      id: 1,
      name: 'Platform',
      scorecard: { criteria: [entry('c1', 'Working Together')] },
      assessed: { criteria: [entry('c1', 'Working Together')] },
    };
    vi.mocked(api.listCampaigns).mockResolvedValueOnce([campaign] as never);
    log = makeLog(3).map((e) => ({ ...e, entity: 'campaign/1/candidate/2/criterion/c1' }));
    render(AuditScreen);
    await waitFor(() => expect(rows()[0]?.textContent).toContain('criterion “Working Together”'));
    expect(rows()[0]?.textContent).toContain('Campaign “Platform”');
    expect(rows()[0]?.textContent).not.toContain('criterion c1');
  });
});
