import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

const agreeScore = vi.fn();
vi.mock('../../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/api')>();
  return { ...real, api: { ...real.api, agreeScore: (...a: unknown[]) => agreeScore(...a) } };
});

const { AppError } = await import('../../lib/api');
const { default: PanelView } = await import('./PanelView.svelte');

const scale = {
  name: 'Civil Service 1–7',
  points: [3, 5, 6].map((v) => ({ value: v, label: `Label ${v}`, descriptor: '' })),
};
const criterion = {
  key: 'c2',
  criterion: { kind: 'behaviour' as const, name: 'Working Together', group: null, priority: 'essential' as const, code: null, level: null, indicators: ['a'] },
  weight: 1,
  pass_mark: 4,
  questions: [],
};
const campaign = {
  id: 1, name: 'E2E', scorecard_id: 1, scorecard_version: 1, state: 'scoring' as const, created_at: '',
  scorecard: { title: 'E2E', role_title: 'R', role_grade: null, scale, criteria: [criterion], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const },
  assessed: { title: 'E2E', role_title: 'R', role_grade: null, scale, criteria: [criterion], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const },
};
const alex = { id: 1, campaign_id: 1, name: 'Alex Chair', role: 'chair' as const, panel_id: 7, login: 'alex', exercise: null };
const bo = { id: 2, campaign_id: 1, name: 'Bo Member', role: 'member' as const, panel_id: 7, login: 'bo', exercise: null };
const score = (assessor: number, value: number, evidence: string) => ({
  candidate_id: 9, assessor_id: assessor, criterion_key: 'c2', value, not_assessed: false, evidence,
  indicators: ['shown' as const], status: 'submitted' as const, created_at: '', updated_at: '', submitted_at: '',
});
const candidate = { id: 9, campaign_id: 1, reference: 'C-002', name: 'Siobhán Ó Briain', email: null, panel_id: 7, slot: null, withdrawal: null, exercise_panels: [] };

function setup(scores: ReturnType<typeof score>[]) {
  const onagreed = vi.fn(async () => {});
  render(PanelView, { campaign, candidate, me: alex, assessors: [alex, bo], scores, agreed: [], onagreed });
  return onagreed;
}

describe('PanelView', () => {
  it('names members who have not submitted, and shows what the others scored once they have', () => {
    setup([score(1, 6, 'Alex notes')]);
    expect(screen.getByTestId('submitted-note').textContent).toContain('Not yet submitted: Bo Member');
    expect(screen.getByTestId('member-score-Bo Member-c2').textContent).toContain('Not submitted yet');
  });

  it('records the agreed score with its rationale as the viewer', async () => {
    agreeScore.mockResolvedValueOnce({});
    const onagreed = setup([score(1, 6, 'Alex notes'), score(2, 3, 'Bo notes')]);
    expect(screen.getByTestId('member-score-Bo Member-c2').textContent).toContain('3 Label 3');
    expect(screen.getByText(/range 3–6/)).toBeTruthy();
    await fireEvent.change(screen.getByLabelText('Agreed score'), { target: { value: '5' } });
    await fireEvent.input(screen.getByLabelText('Rationale'), { target: { value: 'Between the two' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Record agreed score' }));
    await waitFor(() => expect(onagreed).toHaveBeenCalled());
    expect(agreeScore).toHaveBeenCalledWith(1, {
      candidate_id: 9, criterion_key: 'c2', value: 5, not_assessed: false, text: 'Between the two', by: 1,
    });
  });

  it('shows the core’s refusal, as a sentence, beside the criterion', async () => {
    agreeScore.mockRejectedValueOnce(new AppError('conflict', 'waiting for Bo Member'));
    setup([score(1, 6, 'Alex notes')]);
    await fireEvent.change(screen.getByLabelText('Agreed score'), { target: { value: 'na' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Record agreed score' }));
    await waitFor(() => expect(screen.getByTestId('agree-problem-c2').textContent).toBe('Not done: waiting for Bo Member.'));
    expect(agreeScore.mock.lastCall?.[1]).toMatchObject({ value: null, not_assessed: true });
  });
});
