import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const addAssessor = vi.fn();
const setAssessorExercise = vi.fn();
vi.mock('../../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/api')>();
  return {
    ...real,
    api: {
      ...real.api,
      addAssessor: (...a: unknown[]) => addAssessor(...a),
      setAssessorExercise: (...a: unknown[]) => setAssessorExercise(...a),
    },
  };
});

import type { Exercise } from '../../lib/bindings/Exercise';

const { AppError } = await import('../../lib/api');
const { session } = await import('../../lib/session.svelte');
const { default: PeopleSection } = await import('./PeopleSection.svelte');

const scale = { name: 'Civil Service 1–7', points: [] };
const interview: Exercise = { key: 'e1', name: 'Interview', kind: 'interview', criteria: ['c1'] };
const presentation: Exercise = { key: 'e2', name: 'Presentation', kind: 'presentation', criteria: ['c1'] };
const card = (exercises: Exercise[]) => ({
  title: 'E2E', role_title: 'R', role_grade: null, scale, criteria: [], overall_pass_mark: 4, tie_break: null, exercises, combine: 'sum' as const,
});
const campaign = (exercises: Exercise[]) => ({
  id: 4, name: 'DevOps SEO', scorecard_id: 1, scorecard_version: 1, state: 'setup' as const, created_at: '',
  scorecard: card(exercises), assessed: card(exercises),
});
const panels = [{ id: 7, campaign_id: 4, name: 'Panel A' }];
const assessors = [
  { id: 1, campaign_id: 4, name: 'Alex Chair', role: 'chair' as const, panel_id: 7, login: 'alex', exercise: null },
  { id: 2, campaign_id: 4, name: 'Bo Member', role: 'member' as const, panel_id: 7, login: 'bo', exercise: 'e2' },
  { id: 3, campaign_id: 4, name: 'Mo Moderator', role: 'moderator' as const, panel_id: null, login: 'mo', exercise: null },
];

function show(exercises: Exercise[], hrAdmin = true) {
  session.user = { id: 1, login: 'ana', name: 'Ana Admin', hr_admin: hrAdmin };
  const onchange = vi.fn(async () => {});
  render(PeopleSection, { campaign: campaign(exercises), panels, assessors, editable: true, onchange });
  return onchange;
}

beforeEach(() => {
  session.error = null;
  addAssessor.mockReset();
  setAssessorExercise.mockReset();
});

describe('PeopleSection exercises', () => {
  it('shows no exercise column or choice when the scorecard has one exercise', () => {
    show([interview]);
    expect(screen.queryByRole('columnheader', { name: 'Exercise' })).toBeNull();
    expect(screen.queryByLabelText('Exercise')).toBeNull();
  });

  it('shows each member’s exercise, all exercises when none, and none for a moderator', () => {
    show([interview, presentation], false);
    const cells = within(screen.getByTestId('assessors-table')).getAllByTestId('assessor-exercise');
    expect(cells.map((c) => c.textContent?.trim())).toEqual(['all exercises', 'Presentation', '—']);
    expect(screen.queryByRole('combobox', { name: 'Exercise for Alex Chair' })).toBeNull();
  });

  it('lets an HR administrator choose a member’s exercise, and put back what is in force when refused', async () => {
    const onchange = show([interview, presentation]);
    const alex = screen.getByRole('combobox', { name: 'Exercise for Alex Chair' }) as HTMLSelectElement;
    expect(alex.value).toBe('');
    setAssessorExercise.mockResolvedValueOnce(undefined);
    await fireEvent.change(alex, { target: { value: 'e1' } });
    await waitFor(() => expect(onchange).toHaveBeenCalled());
    expect(setAssessorExercise).toHaveBeenCalledWith(4, 1, 'e1');

    const bo = screen.getByRole('combobox', { name: 'Exercise for Bo Member' }) as HTMLSelectElement;
    setAssessorExercise.mockRejectedValueOnce(new AppError('refused', 'Bo Member has scored already'));
    await fireEvent.change(bo, { target: { value: '' } });
    await waitFor(() => expect(session.error).not.toBeNull());
    expect(setAssessorExercise).toHaveBeenLastCalledWith(4, 2, null);
    expect(bo.value).toBe('e2');
  });

  it('adds a person and then limits them to the chosen exercise', async () => {
    const onchange = show([interview, presentation]);
    addAssessor.mockResolvedValueOnce(12);
    setAssessorExercise.mockResolvedValueOnce(undefined);
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Cy Member' } });
    await fireEvent.change(screen.getByLabelText('Exercise'), { target: { value: 'e2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await waitFor(() => expect(onchange).toHaveBeenCalled());
    expect(addAssessor).toHaveBeenCalledWith(4, 'cy.member', 'Cy Member', 'member', 7);
    expect(setAssessorExercise).toHaveBeenCalledWith(4, 12, 'e2');
  });

  it('adds a moderator without an exercise', async () => {
    const onchange = show([interview, presentation]);
    addAssessor.mockResolvedValueOnce(13);
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Di Moderator' } });
    await fireEvent.change(screen.getByLabelText('Exercise'), { target: { value: 'e2' } });
    await fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'moderator' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await waitFor(() => expect(onchange).toHaveBeenCalled());
    expect(addAssessor).toHaveBeenCalledWith(4, 'di.moderator', 'Di Moderator', 'moderator', null);
    expect(setAssessorExercise).not.toHaveBeenCalled();
  });
});
