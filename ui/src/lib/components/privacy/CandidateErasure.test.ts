import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const eraseCandidate = vi.fn();
vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return { ...real, api: { ...real.api, eraseCandidate: (...a: unknown[]) => eraseCandidate(...a) } };
});

const { AppError } = await import('../../api');
const { default: CandidateErasure } = await import('./CandidateErasure.svelte');

const scale = { name: 'Civil Service 1–7', points: [] };
const campaign = (state: 'scoring' | 'signed_off') => ({
  id: 4, name: 'DevOps SEO', scorecard_id: 1, scorecard_version: 1, state, created_at: '',
  scorecard: { title: 'E2E', role_title: 'R', role_grade: null, scale, criteria: [], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const },
  assessed: { title: 'E2E', role_title: 'R', role_grade: null, scale, criteria: [], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const },
});
const candidate = { id: 9, campaign_id: 4, reference: 'C-002', name: 'Siobhán Ó Briain', email: 's@example.org', panel_id: 7, slot: null, withdrawal: null, exercise_panels: [] };

beforeEach(() => eraseCandidate.mockReset());

describe('CandidateErasure', () => {
  it('shows nothing until a candidate is chosen', () => {
    render(CandidateErasure, { campaign: campaign('scoring'), candidate: null, onerased: vi.fn() });
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says what goes, what stays and that it cannot be undone, and needs a reason', async () => {
    render(CandidateErasure, { campaign: campaign('scoring'), candidate, onerased: vi.fn() });
    const dialog = screen.getByRole('alertdialog', { name: 'Erase the personal data of C-002 Siobhán Ó Briain?' });
    expect(dialog.textContent).toContain('name, email address and interview slot');
    expect(dialog.textContent).toContain('the scores, anonymised');
    expect(dialog.textContent).toContain('This cannot be undone.');
    const reason = screen.getByLabelText(/^Reason/) as HTMLInputElement;
    expect(document.activeElement).toBe(reason);
    const confirm = screen.getByRole('button', { name: 'Erase personal data' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await fireEvent.input(reason, { target: { value: '   ' } });
    expect(confirm.disabled).toBe(true);
    await fireEvent.input(reason, { target: { value: 'SAR-2026-014' } });
    expect(confirm.disabled).toBe(false);
  });

  it('erases with the trimmed reason, closes, says so and reloads the list', async () => {
    eraseCandidate.mockResolvedValueOnce(undefined);
    const onerased = vi.fn(async () => {});
    render(CandidateErasure, { campaign: campaign('scoring'), candidate, onerased });
    await fireEvent.input(screen.getByLabelText(/^Reason/), { target: { value: ' SAR-2026-014 ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    await waitFor(() => expect(onerased).toHaveBeenCalledOnce());
    expect(eraseCandidate).toHaveBeenCalledWith(4, 9, 'SAR-2026-014');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('The personal data of C-002 was erased; their scores stay, anonymised.');
  });

  it('shows a refusal in the dialog, naming who may erase, and keeps it open', async () => {
    eraseCandidate.mockRejectedValueOnce(
      new AppError('forbidden', "only an HR administrator may erase a candidate's personal data; you are working as Bo Member (bo)"),
    );
    const onerased = vi.fn();
    render(CandidateErasure, { campaign: campaign('scoring'), candidate, onerased });
    await fireEvent.input(screen.getByLabelText(/^Reason/), { target: { value: 'SAR-1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    const alert = await screen.findByTestId('erase-confirm-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain("You are not permitted to do this: only an HR administrator may erase a candidate's personal data");
    expect(alert.textContent).toContain('Error code: forbidden');
    expect(onerased).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('closes on Escape without erasing', async () => {
    render(CandidateErasure, { campaign: campaign('scoring'), candidate, onerased: vi.fn() });
    await fireEvent.keyDown(screen.getByLabelText(/^Reason/), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(eraseCandidate).not.toHaveBeenCalled();
  });

  it('once signed off, explains how instead of offering the erasure', () => {
    render(CandidateErasure, { campaign: campaign('signed_off'), candidate, onerased: vi.fn() });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByTestId('erase-locked').textContent).toContain('a moderator must first reopen');
  });
});
