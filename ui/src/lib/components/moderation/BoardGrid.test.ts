import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import BoardGrid from './BoardGrid.svelte';
import type { FlagKind } from '../../bindings/FlagKind';
import { fakeBoard } from '../../testing/board';
import '../../testing/layout';
import { COMBINED_KEYS, combinedWireRow } from '../../testing/combinedRow';
import { BoardRows, FlagReasons, PAGE } from '../../../screens/moderation/windows.svelte';


const criteria = ['Seeing the Big Picture', 'Working Together'].map((name, i) => ({
  key: `c${i + 1}`,
  criterion: { kind: 'behaviour' as const, name, group: null, priority: 'essential' as const, code: null, level: null, indicators: [] },
  weight: 1,
  pass_mark: 4,
  questions: [],
}));

const reasonText = 'members scored Working Together from 3 to 6 (spread 3 ≥ 2)';

/** The grid over a fake core: a board of `total` rows, its first page already here. */
async function setup(total: number, options: { anonymised?: boolean; onopen?: (r: unknown) => void } = {}) {
  const board = fakeBoard(total);
  const source = new BoardRows(keys, board.fetchRows, await board.fetchRows(0, PAGE));
  board.asked.length = 0;
  const fetchReasons = vi.fn(async (ids: number[]) =>
    ids.map((id) => ({ candidate_id: id, flags: [['wide_spread', 1, null, reasonText]] as [FlagKind, number, null, string][] })),
  );
  const reasons = new FlagReasons(keys, fetchReasons);
  const view = render(BoardGrid, {
    source,
    reasons,
    criteria,
    anonymised: options.anonymised ?? false,
    onopen: options.onopen ?? (() => {}),
  });
  return { ...view, board, fetchReasons };
}

const keys = ['c1', 'c2'];
const focused = () => document.activeElement as HTMLElement;

describe('BoardGrid', () => {
  it('renders a window of rows from the first page, and tells assistive tech the full count', async () => {
    const { container, board } = await setup(5000);
    const rendered = container.querySelectorAll('tr[data-testid="board-row"]');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(40);
    expect(container.querySelector('table')?.getAttribute('aria-rowcount')).toBe('5001');
    expect(rendered[0].getAttribute('aria-rowindex')).toBe('2');
    await tick();
    expect(board.asked, 'the first screen needs no more than the first page').toEqual([]);
  });

  it('fetches the rows of a far scroll position and shows them', async () => {
    const { container, board } = await setup(5000);
    const viewport = screen.getByTestId('board-grid');
    viewport.scrollTop = 4200 * 38;
    await fireEvent.scroll(viewport);
    await waitFor(() => expect(container.querySelector('tr[data-reference="C-4201"]')).toBeTruthy());
    // Rows 4,192–4,210 (the visible ones and the overscan) lie on two pages; nothing else.
    expect(board.asked.map(([offset]) => offset)).toEqual([69 * PAGE, 70 * PAGE]);
    expect(container.querySelector('tr[data-reference="C-0002"]'), 'the top is no longer drawn').toBeNull();
    expect(container.querySelector('tr[data-reference="C-0001"]'), 'but for the current row').toBeTruthy();
  });

  it('moves to the last row with End, fetching its page, and focuses it', async () => {
    const { container, board } = await setup(5000);
    const first = container.querySelector<HTMLElement>('tr[data-row="0"]')!;
    first.focus();
    await fireEvent.keyDown(first, { key: 'End' });
    await waitFor(() => expect(focused().dataset.reference).toBe('C-5000'));
    expect(focused().getAttribute('aria-rowindex')).toBe('5001');
    expect(board.asked.map(([offset]) => offset)).toContain(Math.floor(4999 / PAGE) * PAGE);
  });

  it('is one Tab stop, its current row; the row’s own buttons follow it, no other row’s', async () => {
    const { container } = await setup(60);
    const stops = [...container.querySelectorAll<HTMLElement>('table [tabindex="0"]')];
    // Row 0 (C-0001) has no flags: its reference button alone follows the row.
    expect(stops.map((e) => e.tagName + (e.closest('tr')?.dataset.row ?? ''))).toEqual(['TR0', 'BUTTON0']);
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('tbody button')];
    expect(buttons.length).toBeGreaterThan(9);
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    // Moving to a flagged row (C-0003) makes it and both its buttons the Tab stops.
    stops[0].focus();
    await fireEvent.keyDown(stops[0], { key: 'ArrowDown' });
    await waitFor(() => expect(focused().dataset.reference).toBe('C-0002'));
    await fireEvent.keyDown(focused(), { key: 'ArrowDown' });
    await waitFor(() => expect(focused().dataset.reference).toBe('C-0003'));
    const now = [...container.querySelectorAll<HTMLElement>('table [tabindex="0"]')];
    expect(now.map((e) => e.tagName + (e.closest('tr')?.dataset.row ?? ''))).toEqual(['TR2', 'BUTTON2', 'BUTTON2']);
    expect(container.querySelector('table')?.getAttribute('aria-describedby')).toBe('board-keys');
    expect(screen.getByTestId('board-keys').textContent).toContain('Enter');
  });

  it('reaches rows past those drawn with the arrows, and keeps the focused row drawn when scrolled away', async () => {
    const { container } = await setup(5000);
    const first = container.querySelector<HTMLElement>('tr[data-row="0"]')!;
    first.focus();
    const drawn = container.querySelectorAll('tbody tr[data-row]').length;
    for (let i = 1; i <= drawn + 1; i++) {
      await fireEvent.keyDown(focused(), { key: 'ArrowDown' });
      await waitFor(() => expect(focused().dataset.row).toBe(String(i)));
    }
    expect(focused().dataset.reference).toBe(`C-${String(drawn + 2).padStart(4, '0')}`);
    expect(focused().getAttribute('aria-rowindex')).toBe(String(drawn + 3));
    // The wheel takes the board far away: the focused row is still in the page, focused.
    const held = focused();
    const viewport = screen.getByTestId('board-grid');
    viewport.scrollTop = 4200 * 38;
    await fireEvent.scroll(viewport);
    await waitFor(() => expect(container.querySelector('tr[data-reference="C-4201"]')).toBeTruthy());
    expect(held.isConnected).toBe(true);
    expect(document.activeElement).toBe(held);
    const stops = [...container.querySelectorAll<HTMLElement>('[tabindex="0"]')];
    expect(stops[0]).toBe(held);
    expect(new Set(stops.map((e) => e.closest('tr')?.dataset.row))).toEqual(new Set([String(drawn + 1)]));
    // And back with Page Up and Home, to the first candidate.
    await fireEvent.keyDown(focused(), { key: 'PageUp' });
    await waitFor(() => expect(focused().dataset.row).not.toBe(String(drawn + 1)));
    await fireEvent.keyDown(focused(), { key: 'Home' });
    await waitFor(() => expect(focused().dataset.reference).toBe('C-0001'));
  });

  it('opens the current row’s candidate with Enter, as the reference button does', async () => {
    const onopen = vi.fn();
    const { container } = await setup(10, { onopen });
    const row = container.querySelector<HTMLElement>('tr[data-row="0"]')!;
    row.focus();
    await fireEvent.keyDown(row, { key: 'ArrowDown' });
    await waitFor(() => expect(focused().dataset.reference).toBe('C-0002'));
    await fireEvent.keyDown(focused(), { key: 'Enter' });
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ candidate_id: 2 }));
  });

  it('keeps the current row inside a board that shrinks, and starts again at the top for new filters', async () => {
    const board = fakeBoard(100);
    const source = new BoardRows(keys, board.fetchRows, await board.fetchRows(0, PAGE));
    const reasons = new FlagReasons(keys, async () => []);
    const props = { source, reasons, criteria, anonymised: false, resetKey: 'all', onopen: () => {} };
    const { container, rerender } = render(BoardGrid, props);
    const stop = () => [...container.querySelectorAll<HTMLElement>('tr[tabindex="0"]')].map((r) => r.dataset.reference);
    const first = container.querySelector<HTMLElement>('tr[data-row="0"]')!;
    first.focus();
    await fireEvent.keyDown(first, { key: 'End' });
    await waitFor(() => expect(focused().dataset.reference).toBe('C-0100'));
    // A reload of the same board after a moderation: five fewer candidates need attention.
    const smaller = fakeBoard(95);
    source.reload(await smaller.fetchRows(0, PAGE));
    await waitFor(() => expect(stop()).toEqual(['C-0095']));
    // A new filter: the board is back at its top, and so is the keyboard's row.
    const filtered = fakeBoard(40);
    await rerender({ ...props, resetKey: 'attention', source: new BoardRows(keys, filtered.fetchRows, await filtered.fetchRows(0, PAGE)) });
    await waitFor(() => expect(stop()).toEqual(['C-0001']));
  });

  it('shows a flag’s reasons when it is focused or hovered, fetched then and once', async () => {
    const { container, fetchReasons } = await setup(10);
    const cell = container.querySelector('tr[data-reference="C-0003"] td[data-criterion="Working Together"]')!;
    expect(cell.classList.contains('cell-flag')).toBe(true);
    expect(cell.getAttribute('title')).toContain('⚑ Wide spread');
    expect(fetchReasons).not.toHaveBeenCalled();
    const toggle = container.querySelector<HTMLButtonElement>('tr[data-reference="C-0003"] td.flags button')!;
    expect(toggle.textContent).toContain('Wide spread');
    await fireEvent.focus(toggle);
    const panel = screen.getByTestId('flag-reasons');
    await waitFor(() => expect(panel.textContent).toContain(reasonText));
    expect(panel.textContent).toContain('Flags for C-0003 Zoë Candidate 3');
    expect(fetchReasons).toHaveBeenCalledWith([3]);
    expect(cell.getAttribute('title')).toContain(reasonText);
    await fireEvent.blur(toggle);
    expect(panel.textContent).not.toContain(reasonText);
    await fireEvent.mouseEnter(toggle);
    expect(panel.textContent).toContain(reasonText);
    expect(fetchReasons).toHaveBeenCalledTimes(1);
    expect(container.querySelector('tr[data-reference="C-0002"] td.flags')?.textContent?.trim()).toBe('');
  });

  it('keeps a flag’s reasons open after a click until Escape', async () => {
    const { container } = await setup(10);
    const toggle = container.querySelector<HTMLButtonElement>('tr[data-reference="C-0006"] td.flags button')!;
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByTestId('flag-reasons');
    await waitFor(() => expect(panel.textContent).toContain(reasonText));
    await fireEvent.mouseLeave(toggle);
    expect(panel.textContent).toContain(reasonText);
    await fireEvent.keyDown(toggle, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.textContent).not.toContain(reasonText);
  });

  it('marks moderated cells', async () => {
    const { container } = await setup(3);
    const cell = container.querySelector('tr[data-reference="C-0001"] td[data-criterion="Working Together"]')!;
    expect(cell.classList.contains('moderated')).toBe(true);
    expect(cell.getAttribute('title')).toContain('moderated to 4 (agreed 5)');
  });

  it('hides names in the anonymised view', async () => {
    const { container } = await setup(3, { anonymised: true });
    expect(container.textContent).not.toContain('Zoë');
    expect(container.textContent).toContain('C-0001');
    expect(screen.queryByRole('columnheader', { name: 'Name' })).toBeNull();
  });

  it('opens a candidate from their reference button', async () => {
    const onopen = vi.fn();
    await setup(3, { onopen });
    await fireEvent.click(screen.getByRole('button', { name: 'Open evidence for C-0002 Zoë Candidate 2' }));
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ candidate_id: 2 }));
  });

  it('says so when no candidate matches', async () => {
    await setup(0);
    expect(screen.getByText('No candidates match these filters.')).toBeTruthy();
  });

  it('shows a column per criterion, its exercises combined, when the campaign has several', async () => {
    const first = { offset: 0, matching: 1, rows: [combinedWireRow()] };
    const source = new BoardRows(COMBINED_KEYS, async () => first, first);
    const reasons = new FlagReasons(COMBINED_KEYS, async () => []);
    const card = [
      { ...criteria[1], key: 'c1' },
      { ...criteria[0], key: 'c2', criterion: { ...criteria[0].criterion, name: 'Data Analysis' } },
    ];
    const { container } = render(BoardGrid, {
      source,
      reasons,
      criteria: [],
      combined: card,
      anonymised: false,
      onopen: () => {},
    });
    const headers = [...container.querySelectorAll('thead th .crit')].map((th) => th.textContent);
    expect(headers, 'one line each: initials and pass mark').toEqual(['WT≥4', 'DA≥4']);
    // Screen readers and the tooltip still get the whole heading.
    const full = screen.getByRole('columnheader', { name: 'Working Together, pass mark 4' });
    expect(full.getAttribute('title')).toBe('Working Together, pass mark 4');
    expect(screen.getByRole('columnheader', { name: 'Data Analysis, pass mark 4' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Merit position' })).toBeTruthy();
    const cell = (name: string) => container.querySelector(`tr[data-reference="C-0001"] td[data-criterion="${name}"]`)!;
    expect(cell('Data Analysis').querySelector('[aria-hidden="true"]')?.textContent).toBe('6 · 3 → 4.50M⚑');
    expect(cell('Data Analysis').classList.contains('cell-flag')).toBe(true);
    expect(cell('Data Analysis').getAttribute('title')).toContain('⚑ Exercises disagree');
    expect(cell('Working Together').querySelector('[aria-hidden="true"]')?.textContent).toBe('5');
    expect(cell('Working Together').classList.contains('cell-flag')).toBe(false);
  });
});
