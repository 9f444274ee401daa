import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CandidateList from './CandidateList.svelte';
import '../../lib/testing/layout';

/** A panel of `n` candidates, C-0001 … */
function panel(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    reference: `C-${String(i + 1).padStart(4, '0')}`,
    name: `Candidate ${i + 1}`,
    slot: null,
  }));
}

function setup(n: number, currentId: number | null = 1) {
  const onchoose = vi.fn();
  const view = render(CandidateList, {
    candidates: panel(n),
    currentId,
    query: '',
    progress: (c: { id: number }) => (c.id % 2 ? 'Submitted' : 'Not started'),
    onchoose,
  });
  const buttons = () => [...view.container.querySelectorAll<HTMLButtonElement>('button.cand')];
  return { ...view, onchoose, buttons };
}

describe('CandidateList', () => {
  it('draws a window of a panel of 500, and tells assistive tech where each row is', () => {
    const { buttons } = setup(500);
    expect(buttons().length).toBeGreaterThan(0);
    expect(buttons().length).toBeLessThan(40);
    const first = screen.getByTestId('candidate-C-0001');
    expect(first.closest('li')?.getAttribute('aria-setsize')).toBe('500');
    expect(first.closest('li')?.getAttribute('aria-posinset')).toBe('1');
    // The row names its candidate, as the board's and Results' rows do (the e2e story finds it).
    expect(first.closest('li')?.dataset.reference).toBe('C-0001');
    expect(first.getAttribute('aria-current')).toBe('true');
    expect(first.textContent).toContain('Submitted');
  });

  it('keeps one row in the Tab order: the open candidate', () => {
    const { buttons } = setup(500, 3);
    const tabbable = buttons().filter((b) => b.tabIndex === 0);
    expect(tabbable.map((b) => b.dataset.testid)).toEqual(['candidate-C-0003']);
  });

  it('moves with the arrows and j/k, and to the end (drawing it) with End', async () => {
    setup(500);
    const first = screen.getByTestId('candidate-C-0001');
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('candidate-C-0002'));
    await fireEvent.keyDown(document.activeElement!, { key: 'j' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('candidate-C-0003'));
    await fireEvent.keyDown(document.activeElement!, { key: 'k' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('candidate-C-0002'));
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('candidate-C-0500'));
    expect(screen.queryByTestId('candidate-C-0001'), 'the top is no longer drawn').toBeNull();
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('candidate-C-0001'));
  });

  it('opens a candidate on click (Enter on a button)', async () => {
    const { onchoose } = setup(10);
    await fireEvent.click(screen.getByTestId('candidate-C-0004'));
    expect(onchoose).toHaveBeenCalledWith(4);
  });

  it('says so when nothing matches the search', () => {
    const onchoose = vi.fn();
    render(CandidateList, { candidates: [], currentId: null, query: 'zz', progress: () => '', onchoose });
    expect(screen.getByText('No candidate matches “zz”.')).toBeTruthy();
  });

  it('scrolls an opened candidate far down the list into view', async () => {
    // jsdom has no layout: give the list a height, as its size observer reports in the app.
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
    try {
      const { rerender } = setup(500);
      await rerender({ currentId: 450 });
      await waitFor(() => expect(screen.getByTestId('candidate-C-0450').getAttribute('aria-current')).toBe('true'));
    } finally {
      height.mockRestore();
    }
  });
  it('keeps the focused row drawn and focused when the wheel scrolls the list away', async () => {
    const { container } = setup(500);
    const first = screen.getByTestId('candidate-C-0001');
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('candidate-C-0002'));
    const held = document.activeElement as HTMLElement;
    const list = screen.getByTestId('candidate-list');
    list.scrollTop = 400 * 48;
    await fireEvent.scroll(list);
    await waitFor(() => expect(screen.queryByTestId('candidate-C-0401')).toBeTruthy());
    expect(held.isConnected).toBe(true);
    expect(document.activeElement).toBe(held);
    expect(screen.queryByTestId('candidate-C-0003'), 'the rest of the top is not drawn').toBeNull();
    // It stands at its own place: the rows not drawn are the list's space, not a row.
    const row = held.closest('li')!;
    expect(row.style.marginTop).toBe('48px');
    // The keys go on from it, back into the window at the top.
    await fireEvent.keyDown(held, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('candidate-C-0003'));
    expect(container.querySelectorAll('button.cand[tabindex="0"]')).toHaveLength(1);
  });

  it('keeps the open candidate drawn and the Tab stop when the list is scrolled away from them', async () => {
    const { buttons } = setup(500, 3);
    const list = screen.getByTestId('candidate-list');
    list.scrollTop = 300 * 48;
    await fireEvent.scroll(list);
    await waitFor(() => expect(screen.queryByTestId('candidate-C-0301')).toBeTruthy());
    const tabbable = buttons().filter((b) => b.tabIndex === 0);
    expect(tabbable.map((b) => b.dataset.testid)).toEqual(['candidate-C-0003']);
  });

  it('hands the Tab stop to a candidate opened elsewhere ("Next candidate"), and to the first row when a search leaves them out', async () => {
    const { buttons, rerender } = setup(500, 1);
    const first = screen.getByTestId('candidate-C-0001');
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('candidate-C-0002'));
    expect(buttons().filter((b) => b.tabIndex === 0).map((b) => b.dataset.testid)).toEqual(['candidate-C-0002']);
    await rerender({ currentId: 5 });
    await waitFor(() => expect(buttons().filter((b) => b.tabIndex === 0).map((b) => b.dataset.testid)).toEqual(['candidate-C-0005']));
    await rerender({ candidates: panel(500).filter((c) => c.id > 100), currentId: 5 });
    await waitFor(() => expect(buttons().filter((b) => b.tabIndex === 0).map((b) => b.dataset.testid)).toEqual(['candidate-C-0101']));
  });
});
