import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Scale } from '../../bindings/Scale';
import type { Scorecard } from '../../bindings/Scorecard';
import ScorecardBuilder from './ScorecardBuilder.svelte';
import { fromScorecard } from './scorecardDraft';

const civil: Scale = {
  name: 'Civil Service 1–7',
  points: [
    [1, 'Not Demonstrated', 'No positive evidence'],
    [2, 'Minimal Demonstration', 'Limited positive evidence'],
    [3, 'Moderate Demonstration', 'Moderate positive evidence'],
    [4, 'Acceptable Demonstration', 'Adequate positive evidence'],
    [5, 'Good Demonstration', 'Substantial positive evidence'],
    [6, 'Strong Demonstration', 'Substantial positive evidence, with some evidence of exceeding expectations'],
    [7, 'Outstanding Demonstration', 'Wholly exceeds expectation at this level'],
  ].map(([value, label, descriptor]) => ({ value: value as number, label: label as string, descriptor: descriptor as string })),
};

function draft(): Scorecard {
  const names = ['Seeing the Big Picture', 'Working Together', 'Delivering at Pace', 'Observability'];
  return {
    title: 'E2E interview',
    role_title: 'Platform Reliability Engineer',
    role_grade: 'SEO',
    scale: civil,
    criteria: names.map((name, i) => ({
      key: `c${i + 1}`,
      criterion: { kind: 'behaviour', name, group: null, priority: 'essential', code: null, level: null, indicators: [`${name} indicator`] },
      weight: 1,
      pass_mark: 4,
      questions: [],
    })),
    overall_pass_mark: 16,
    tie_break: null,
    exercises: [],
    combine: 'sum',
  };
}

function setup() {
  const onsave = vi.fn();
  render(ScorecardBuilder, {
    initial: fromScorecard(draft()),
    civilService: civil,
    heading: 'Build a new scorecard',
    saveLabel: 'Save scorecard',
    onsave,
    oncancel: () => {},
  });
  return { onsave };
}

const submit = () => fireEvent.submit(screen.getByRole('button', { name: 'Save scorecard' }).closest('form')!);

describe('ScorecardBuilder', () => {
  it('shows the Civil Service scale with its descriptors', () => {
    setup();
    const table = screen.getByTestId('scale-points');
    expect(table.textContent).toContain('Acceptable Demonstration');
    expect(table.textContent).toContain('Adequate positive evidence');
    expect(within(table).getAllByRole('row')).toHaveLength(8);
  });

  it('saves the chosen criteria, pass marks, tie-break and questions', async () => {
    const { onsave } = setup();
    await fireEvent.click(screen.getByRole('checkbox', { name: /^Observability/ }));
    await fireEvent.input(screen.getByLabelText('Overall pass mark Lowest weighted total that passes.'), { target: { value: '12' } });
    await fireEvent.change(screen.getByLabelText(/Tie-break criterion/), { target: { value: 'c1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add question for Seeing the Big Picture' }));
    await fireEvent.input(screen.getByLabelText('Question 1 for Seeing the Big Picture'), { target: { value: 'Tell us about a change you anticipated.' } });
    await submit();
    const card = onsave.mock.calls[0][0] as Scorecard;
    expect(card.criteria.map((c) => c.criterion.name)).toEqual(['Seeing the Big Picture', 'Working Together', 'Delivering at Pace']);
    expect(card.criteria.every((c) => c.pass_mark === 4)).toBe(true);
    expect(card).toMatchObject({ overall_pass_mark: 12, tie_break: 'c1', title: 'E2E interview' });
    expect(card.criteria[0].questions).toEqual(['Tell us about a change you anticipated.']);
    expect(card.scale).toEqual(civil);
  });

  it('previews the scorecard as a panel member sees it, with scale buttons and labels', async () => {
    setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Preview as a panel member' }));
    const preview = screen.getByTestId('scorecard-preview');
    expect(within(preview).getAllByTestId('preview-criterion')).toHaveLength(4);
    const first = within(preview).getAllByTestId('preview-criterion')[0];
    expect(first.textContent).toContain('Seeing the Big Picture indicator');
    const four = within(first).getByRole('button', { name: /4\s*Acceptable Demonstration/ });
    await fireEvent.click(four);
    expect(four.getAttribute('aria-pressed')).toBe('true');
    expect(first.textContent).toContain('Adequate positive evidence');
  });

  it('defines a custom scale and keeps a pass mark that is not on it visible', async () => {
    const { onsave } = setup();
    await fireEvent.change(screen.getByLabelText('Rating scale'), { target: { value: 'custom' } });
    await fireEvent.input(screen.getByLabelText('Scale name'), { target: { value: 'Three point' } });
    for (let k = 7; k > 3; k -= 1) await fireEvent.click(screen.getByRole('button', { name: `Delete point ${k}` }));
    await fireEvent.input(screen.getByLabelText('Label of point 3'), { target: { value: 'Strong' } });
    // the pass mark 4 is no longer a point: the select says so rather than hiding it
    expect(screen.getAllByRole('option', { name: '4 (not on this scale)' }).length).toBeGreaterThan(0);
    await submit();
    const card = onsave.mock.calls[0][0] as Scorecard;
    expect(card.scale.name).toBe('Three point');
    expect(card.scale.points.map((p) => [p.value, p.label])).toEqual([
      [1, 'Not Demonstrated'],
      [2, 'Minimal Demonstration'],
      [3, 'Strong'],
    ]);
  });

  it('refuses to send an empty weight, naming the criterion', async () => {
    const { onsave } = setup();
    await fireEvent.input(screen.getAllByLabelText('Weight')[1], { target: { value: '' } });
    await submit();
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByTestId('save-error').textContent).toContain('Give “Working Together” a weight');
  });

  it('shows the implicit interview and saves no exercises while there is only it', async () => {
    const { onsave } = setup();
    const section = screen.getByTestId('builder-exercises');
    expect(within(section).getAllByTestId('builder-exercise')).toHaveLength(1);
    expect((screen.getByLabelText('Name of exercise 1') as HTMLInputElement).value).toBe('Interview');
    expect(screen.queryByTestId('exercise-matrix')).toBeNull();
    await submit();
    expect((onsave.mock.calls[0][0] as Scorecard).exercises).toEqual([]);
  });

  it('adds a presentation, ticks its criteria in the matrix and saves both exercises with the combination', async () => {
    const { onsave } = setup();
    await fireEvent.click(screen.getByRole('button', { name: '+ Add exercise' }));
    const name = screen.getByLabelText('Name of exercise 2') as HTMLInputElement;
    expect(document.activeElement).toBe(name);
    await fireEvent.input(name, { target: { value: 'Presentation' } });
    await fireEvent.change(screen.getByLabelText('Kind of exercise 2'), { target: { value: 'presentation' } });
    await fireEvent.change(screen.getByLabelText('Weight of exercise 2'), { target: { value: '2' } });
    const matrix = screen.getByTestId('exercise-matrix');
    // four criteria × two exercises
    expect(within(matrix).getAllByRole('checkbox')).toHaveLength(8);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Working Together in Presentation' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Observability in Presentation' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Observability in Interview' }));
    await fireEvent.change(screen.getByLabelText("Combine a criterion's exercises by"), { target: { value: 'mean' } });
    await submit();
    const card = onsave.mock.calls[0][0] as Scorecard;
    expect(card.exercises).toEqual([
      { key: 'e1', name: 'Interview', kind: 'interview', criteria: ['c1', 'c2', 'c3'] },
      { key: 'e2', name: 'Presentation', kind: 'presentation', weight: 2, criteria: ['c2', 'c4'] },
    ]);
    expect(card.combine).toBe('mean');
  });

  it('says which criterion no exercise assesses, and a criterion left out leaves the matrix', async () => {
    setup();
    await fireEvent.click(screen.getByRole('button', { name: '+ Add exercise' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Delivering at Pace in Interview' }));
    const matrix = screen.getByTestId('exercise-matrix');
    const note = within(matrix).getByText('not assessed in any exercise');
    expect(note.closest('th')!.textContent).toContain('Delivering at Pace');
    await fireEvent.click(screen.getByRole('checkbox', { name: /^Delivering at Pace\s*: include/ }));
    expect(within(matrix).queryByText(/Delivering at Pace/)).toBeNull();
    expect(within(matrix).getAllByRole('checkbox')).toHaveLength(6);
  });

  it('removes an exercise and moves focus to the add button when one is left', async () => {
    const { onsave } = setup();
    await fireEvent.click(screen.getByRole('button', { name: '+ Add exercise' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Remove exercise 1' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '+ Add exercise' }));
    expect(screen.queryByTestId('exercise-matrix')).toBeNull();
    await submit();
    // the one exercise left assesses every criterion
    expect((onsave.mock.calls[0][0] as Scorecard).exercises).toEqual([
      { key: 'e2', name: 'Exercise 2', kind: 'other', criteria: ['c1', 'c2', 'c3', 'c4'] },
    ]);
  });
});
