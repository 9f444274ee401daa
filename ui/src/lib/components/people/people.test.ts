import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const withdrawCandidate = vi.fn();
const declareConflict = vi.fn();
const confirmNoConflicts = vi.fn();
const getAdjustments = vi.fn();
const setAdjustments = vi.fn();
vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return {
    ...real,
    api: {
      ...real.api,
      withdrawCandidate: (...a: unknown[]) => withdrawCandidate(...a),
      declareConflict: (...a: unknown[]) => declareConflict(...a),
      confirmNoConflicts: (...a: unknown[]) => confirmNoConflicts(...a),
      getAdjustments: (...a: unknown[]) => getAdjustments(...a),
      setAdjustments: (...a: unknown[]) => setAdjustments(...a),
    },
  };
});

const { AppError } = await import('../../api');
const { session } = await import('../../session.svelte');
const { default: WithdrawControl } = await import('./WithdrawControl.svelte');
const { default: ConflictStep } = await import('./ConflictStep.svelte');
const { default: AdjustmentsEditor } = await import('./AdjustmentsEditor.svelte');

const zoe = { id: 4, reference: 'C-001', name: 'Zoë Łukasiewicz' };
const siobhan = { id: 5, reference: 'C-002', name: 'Siobhán Ó Briain' };

beforeEach(() => {
  vi.clearAllMocks();
  session.error = null;
});

describe('WithdrawControl', () => {
  it('asks for a reason, says what follows, then withdraws', async () => {
    withdrawCandidate.mockResolvedValue(undefined);
    const onwithdrawn = vi.fn(async () => {});
    render(WithdrawControl, { campaignId: 3, candidate: zoe, onwithdrawn });
    await fireEvent.click(screen.getByRole('button', { name: 'Withdraw C-001' }));
    const next = screen.getByRole('button', { name: 'Continue' });
    expect((next as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(screen.getByLabelText('Reason'), { target: { value: '  Accepted another offer ' } });
    await fireEvent.click(next);
    expect(screen.getByTestId('withdraw-consequence').textContent).toContain('leaves the merit list');
    expect(withdrawCandidate).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Withdraw C-001' }));
    await waitFor(() => expect(onwithdrawn).toHaveBeenCalledOnce());
    expect(withdrawCandidate).toHaveBeenCalledWith(3, 4, 'Accepted another offer');
  });

  it('keeps the dialog open and shows the core refusal after sign-off', async () => {
    withdrawCandidate.mockRejectedValue(new AppError('locked', 'campaign 3 is signed off and locked: a moderator must reopen it, with a reason, before withdrawing a candidate'));
    const onwithdrawn = vi.fn(async () => {});
    render(WithdrawControl, { campaignId: 3, candidate: zoe, onwithdrawn });
    await fireEvent.click(screen.getByRole('button', { name: 'Withdraw C-001' }));
    await fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'Late' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Withdraw C-001' }));
    await waitFor(() => expect(session.error?.code).toBe('locked'));
    expect(onwithdrawn).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });
});

describe('ConflictStep', () => {
  it('declares a conflict with a reason, hides that candidate, then confirms no others', async () => {
    declareConflict.mockResolvedValue({ assessor_id: 2, assessor: 'Tomasz', candidate_id: 5, candidate: 'C-002', reason: 'Former manager', declared_at: '' });
    confirmNoConflicts.mockResolvedValue(undefined);
    const ondone = vi.fn(async () => {});
    render(ConflictStep, { campaignId: 3, candidates: [zoe, siobhan], ondone });
    await fireEvent.click(screen.getByRole('button', { name: 'I have a conflict with C-002' }));
    await fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'Former manager' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Declare conflict' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Declared: C-002.'));
    expect(declareConflict).toHaveBeenCalledWith(3, 5, 'Former manager');
    expect(screen.queryByRole('button', { name: 'I have a conflict with C-002' })).toBeNull();
    expect(ondone).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'I have no other conflicts' }));
    await waitFor(() => expect(ondone).toHaveBeenCalledOnce());
    expect(confirmNoConflicts).toHaveBeenCalledWith(3);
  });

  it('confirms none in one step', async () => {
    confirmNoConflicts.mockResolvedValue(undefined);
    const ondone = vi.fn(async () => {});
    render(ConflictStep, { campaignId: 3, candidates: [zoe], ondone });
    await fireEvent.click(screen.getByRole('button', { name: 'I have no conflicts' }));
    await waitFor(() => expect(ondone).toHaveBeenCalledOnce());
    expect(declareConflict).not.toHaveBeenCalled();
  });
});

describe('AdjustmentsEditor', () => {
  it('loads the note, saves the edit, and says so', async () => {
    getAdjustments.mockResolvedValue('Extra time');
    setAdjustments.mockResolvedValue(undefined);
    render(AdjustmentsEditor, { campaignId: 3, candidate: zoe });
    await fireEvent.click(screen.getByRole('button', { name: 'Reasonable adjustments for C-001' }));
    const box = (await screen.findByRole('textbox')) as HTMLTextAreaElement;
    expect(box.value).toBe('Extra time');
    await fireEvent.input(box, { target: { value: 'Extra 15 minutes; step-free room' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Adjustments saved.'));
    expect(setAdjustments).toHaveBeenCalledWith(3, 4, 'Extra 15 minutes; step-free room');
  });
});
