import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import VerifyResult from './VerifyResult.svelte';

const head = 'abcdef0123456789'.repeat(4);

describe('VerifyResult', () => {
  it('shows an intact chain with its size and a shortened head', () => {
    render(VerifyResult, { result: { status: 'intact', events: 3, head } });
    const status = screen.getByRole('status');
    expect(status.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Chain intact: 3 events, head abcdef012345…',
    );
    expect(screen.getByTitle(head).textContent).toBe('abcdef012345…');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says “event” for a single event', () => {
    render(VerifyResult, { result: { status: 'intact', events: 1, head } });
    expect(screen.getByRole('status').textContent).toContain('1 event,');
  });

  it('names the first broken event and the problem as an alert', () => {
    render(VerifyResult, {
      result: { status: 'broken', seq: 2, problem: 'its content does not match its hash' },
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Chain broken at event 2.');
    expect(alert.textContent).toContain('its content does not match its hash');
    expect(screen.queryByText(/Chain intact/)).toBeNull();
  });

  it('names the first row that differs from the log, though the chain holds', () => {
    render(VerifyResult, {
      result: {
        status: 'data_differs',
        events: 188,
        head,
        row: 'score C-0001 / Amara Okafor / c5',
        problem: 'value is 7, the log says 4 (event 25)',
      },
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent?.replace(/\s+/g, ' ')).toContain('The data differs from the log. The chain holds (188 events)');
    expect(alert.textContent).toContain('score C-0001 / Amara Okafor / c5 value is 7, the log says 4 (event 25)');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows nothing before verification has run', () => {
    const { container } = render(VerifyResult, { result: null });
    expect(container.textContent?.trim()).toBe('');
  });
});
