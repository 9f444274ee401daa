import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const open = vi.fn();
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: (...a: unknown[]) => open(...a) }));
const importScores = vi.fn();
vi.mock('../../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/api')>();
  return { ...real, api: { ...real.api, importScores: (...a: unknown[]) => importScores(...a) } };
});

const { AppError } = await import('../../lib/api');
const { session } = await import('../../lib/session.svelte');
const { default: ScoreSheetImport } = await import('./ScoreSheetImport.svelte');

type State = 'setup' | 'scoring' | 'moderation';
const campaign = (state: State) => ({
  id: 3, name: 'Analysts 2026', scorecard_id: 1, scorecard_version: 1, state, created_at: '',
  scorecard: { title: 'A', role_title: 'R', role_grade: null, scale: { name: 'S', points: [] }, criteria: [], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const },
  assessed: { title: 'A', role_title: 'R', role_grade: null, scale: { name: 'S', points: [] }, criteria: [], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const },
});
type Role = 'member' | 'chair' | 'moderator';
const assessor = (role: Role) => ({ id: 2, campaign_id: 3, name: 'Bo Member', role, panel_id: role === 'moderator' ? null : 7, login: 'bo', exercise: null });

const beforeimport = vi.fn(async () => {});
const onimported = vi.fn(async () => {});

function show(state: State, role: Role | null) {
  render(ScoreSheetImport, { campaign: campaign(state), me: role ? assessor(role) : null, beforeimport, onimported });
}

const button = () => screen.queryByRole('button', { name: 'Import score sheet…' });

beforeEach(() => {
  vi.clearAllMocks();
  session.error = null;
});

describe('ScoreSheetImport', () => {
  it('is offered to members and chairs while scoring, and to nobody else', () => {
    const seen: string[] = [];
    for (const role of ['member', 'chair', 'moderator', null] as const) {
      for (const state of ['setup', 'scoring', 'moderation'] as const) {
        const { unmount } = render(ScoreSheetImport, { campaign: campaign(state), me: role ? assessor(role) : null, beforeimport, onimported });
        if (button()) seen.push(`${role} in ${state}`);
        unmount();
      }
    }
    expect(seen).toEqual(['member in scoring', 'chair in scoring']);
  });

  it('imports the chosen sheet after the pending edits, reloads, and says what it saved', async () => {
    open.mockResolvedValue('/home/bo/scores.csv');
    const order: string[] = [];
    beforeimport.mockImplementation(async () => void order.push('flush'));
    importScores.mockImplementation(async () => {
      order.push('import');
      return { scores: 5, candidates: 2 };
    });
    onimported.mockImplementation(async () => void order.push('reload'));
    show('scoring', 'member');
    await fireEvent.click(button()!);
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('5 scores imported as drafts for 2 candidates. Check them, then submit each candidate.');
    expect(importScores).toHaveBeenCalledWith(3, '/home/bo/scores.csv', expect.any(Number), expect.any(Function));
    expect(order).toEqual(['flush', 'import', 'reload']);
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: 'Score sheet', extensions: ['csv'] }] }));
  });

  it('says one score and one candidate in the singular', async () => {
    open.mockResolvedValue('/s.csv');
    importScores.mockResolvedValue({ scores: 1, candidates: 1 });
    show('scoring', 'chair');
    await fireEvent.click(button()!);
    expect((await screen.findByRole('status')).textContent).toMatch(/^1 score imported as a draft for 1 candidate\./);
  });

  it('lists each problem of a refused sheet, keeps it out of the banner, and reloads nothing', async () => {
    open.mockResolvedValue('/home/bo/scores.csv');
    importScores.mockRejectedValue(
      new AppError(
        'import',
        'scores.csv: 2 row(s) rejected, nothing imported:\n' +
          "line 3: candidate: 'C-9' is not a candidate of your panel in this campaign\n" +
          "line 4: value: 'five' is not a whole number or NA (not assessed)",
      ),
    );
    show('scoring', 'member');
    await fireEvent.click(button()!);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('strong')?.textContent).toBe('scores.csv: 2 row(s) rejected, nothing imported.');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      "line 3: candidate: 'C-9' is not a candidate of your panel in this campaign",
      "line 4: value: 'five' is not a whole number or NA (not assessed)",
    ]);
    expect(onimported).not.toHaveBeenCalled();
    expect(session.error).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says plainly that a cancelled import saved nothing, and reloads nothing', async () => {
    open.mockResolvedValue('/home/bo/scores.csv');
    importScores.mockRejectedValue(new AppError('cancelled', 'cancelled: nothing was imported from scores.csv'));
    show('scoring', 'member');
    await fireEvent.click(button()!);
    const said = await screen.findByTestId('job-cancelled');
    expect(said.textContent).toBe('Import cancelled: nothing was imported from scores.csv.');
    expect(onimported).not.toHaveBeenCalled();
    expect(session.error).toBeNull();
  });

  it('shows any other error in the banner', async () => {
    open.mockResolvedValue('/gone.csv');
    importScores.mockRejectedValue(new AppError('io', '/gone.csv: No such file or directory (os error 2)'));
    show('scoring', 'member');
    await fireEvent.click(button()!);
    await waitFor(() => expect(session.error?.code).toBe('io'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does nothing when the dialog is cancelled', async () => {
    open.mockResolvedValue(null);
    show('scoring', 'member');
    await fireEvent.click(button()!);
    await Promise.resolve();
    expect(importScores).not.toHaveBeenCalled();
    expect(beforeimport).not.toHaveBeenCalled();
  });
});
