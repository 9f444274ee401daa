import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../api';
import ErrorBanner from './ErrorBanner.svelte';

describe('ErrorBanner', () => {
  it('shows the error as a sentence with the core’s detail and the code, and can be dismissed', async () => {
    const ondismiss = vi.fn();
    render(ErrorBanner, {
      error: new AppError('import', 'role.json: /criteria/0/kind: "vibe" is not one of …'),
      ondismiss,
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('This file could not be imported, and nothing was changed:');
    expect(alert.textContent).toContain('role.json: /criteria/0/kind: "vibe" is not one of …');
    expect(alert.textContent).toContain('Error code: import');
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(ondismiss).toHaveBeenCalledOnce();
  });

  it('renders nothing without an error', () => {
    render(ErrorBanner, { error: null, ondismiss: () => {} });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
