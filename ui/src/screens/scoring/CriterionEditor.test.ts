import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CriterionEditor from './CriterionEditor.svelte';

const scale = {
  name: 'Civil Service 1–7',
  points: [
    { value: 1, label: 'Not Demonstrated', descriptor: 'no positive evidence' },
    { value: 5, label: 'Good Demonstration', descriptor: 'substantial positive evidence' },
  ],
};
const criterion = {
  key: 'c1',
  criterion: {
    kind: 'behaviour' as const,
    name: 'Working Together',
    group: 'Engaging People',
    priority: 'essential' as const,
    code: null,
    level: null,
    indicators: ['Builds effective relationships', 'Shares knowledge'],
  },
  weight: 1,
  pass_mark: 4,
  questions: ['Describe a disagreement you resolved.'],
};
const campaign = {
  id: 1,
  name: 'E2E',
  scorecard_id: 1,
  scorecard_version: 1,
  scorecard: { title: 'E2E', role_title: 'R', role_grade: null, scale, criteria: [criterion], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const },
  assessed: { title: 'E2E', role_title: 'R', role_grade: null, scale, criteria: [criterion], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const },
  state: 'scoring' as const,
  created_at: '',
};
const entry = { value: null, not_assessed: false, evidence: '', indicators: ['unmarked' as const, 'unmarked' as const] };

function setup(status = { kind: 'idle' as const } as { kind: 'idle' } | { kind: 'error'; message: string }) {
  const onchange = vi.fn();
  render(CriterionEditor, {
    campaign, criterion, position: 0, total: 3, entry, status, disabled: false,
    onchange, onblur: vi.fn(), onnext: vi.fn(), onprevious: vi.fn(),
  });
  return onchange;
}

describe('CriterionEditor', () => {
  it('starts every indicator unmarked, not "not shown"', () => {
    setup();
    const group = screen.getByRole('group', { name: 'Shares knowledge' });
    expect((group.querySelector('input[value="unmarked"]') as HTMLInputElement).checked).toBe(true);
    expect((group.querySelector('input[value="not_shown"]') as HTMLInputElement).checked).toBe(false);
  });

  it('shows questions, indicators and score buttons with label and descriptor', () => {
    setup();
    expect(screen.getByText('Describe a disagreement you resolved.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Builds effective relationships' })).toBeTruthy();
    const five = screen.getByTestId('score-5');
    expect(five.textContent).toContain('Good Demonstration');
    expect(screen.getByText('substantial positive evidence').closest('details')).toBeTruthy();
  });

  it('reports a score, a mark, notes and "not assessed" as changes', async () => {
    const onchange = setup();
    await fireEvent.click(screen.getByTestId('score-5'));
    expect(onchange).toHaveBeenLastCalledWith({ ...entry, value: 5, not_assessed: false });
    const shown = screen.getByRole('group', { name: 'Shares knowledge' }).querySelector('input[value="shown"]')!;
    await fireEvent.click(shown);
    expect(onchange).toHaveBeenLastCalledWith({ ...entry, indicators: ['unmarked', 'shown'] });
    await fireEvent.input(screen.getByLabelText(/Evidence notes/), { target: { value: 'Mediated' } });
    expect(onchange).toHaveBeenLastCalledWith({ ...entry, evidence: 'Mediated' });
    await fireEvent.click(screen.getByTestId('not-assessed'));
    expect(onchange).toHaveBeenLastCalledWith({ ...entry, value: null, not_assessed: true });
  });

  it('says why a save failed', () => {
    setup({ kind: 'error', message: 'saving a score is not allowed while the campaign is in moderation' });
    expect(screen.getByTestId('save-status').textContent).toContain(
      'Not saved: saving a score is not allowed while the campaign is in moderation',
    );
  });
});
