import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../bindings/Role';
import RoleEditor from './RoleEditor.svelte';

function role(): Role {
  const c = (name: string, indicators: string[]) => ({
    kind: 'behaviour' as const,
    name,
    group: null,
    priority: 'essential' as const,
    code: null,
    level: null,
    indicators,
  });
  return {
    title: 'Platform Reliability Engineer',
    grade: 'SEO',
    reference: 'PM-1',
    source: { name: 'demo-role.md', sha256: 'ab'.repeat(32) },
    criteria: [c('Seeing the Big Picture', ['Understands', 'Anticipates']), c('Team work', ['Shares']), c('Working Together', ['Builds'])],
  };
}

function setup(extra: Record<string, unknown> = {}) {
  const onsave = vi.fn();
  const oncancel = vi.fn();
  render(RoleEditor, {
    initial: role(),
    heading: 'Review the imported role',
    sourceText: '# Platform Reliability Engineer\n\n**Seeing the Big Picture**',
    warnings: ['line 40: “Salary band B” was not placed'],
    saveLabel: 'Save role',
    onsave,
    oncancel,
    ...extra,
  });
  return { onsave, oncancel };
}

describe('RoleEditor', () => {
  it('shows the source text beside the criteria and the importer’s warnings', () => {
    setup();
    expect(screen.getByTestId('jd-source').textContent).toContain('**Seeing the Big Picture**');
    expect(screen.getByTestId('review-warnings').textContent).toContain('Salary band B');
    expect(screen.getAllByTestId('criterion-editor')).toHaveLength(3);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Platform Reliability Engineer');
  });

  it('saves the user’s review edits: merge, split, delete an indicator, desirable, move', async () => {
    const { onsave } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Merge with next: Working Together into Team work' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Split out indicator 2 of Seeing the Big Picture as a criterion of its own' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete indicator 1 of Team work' }));
    await fireEvent.change(screen.getAllByLabelText('Essential or desirable')[2], { target: { value: 'desirable' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Move Team work up' }));
    await fireEvent.input(screen.getAllByLabelText('Name')[1], { target: { value: '  Teamwork  ' } });
    await fireEvent.submit(screen.getByRole('button', { name: 'Save role' }).closest('form')!);
    expect(onsave).toHaveBeenCalledOnce();
    const saved = onsave.mock.calls[0][0] as Role;
    expect(saved.criteria.map((c) => [c.name, c.priority, c.indicators])).toEqual([
      ['Seeing the Big Picture', 'essential', ['Understands']],
      ['Teamwork', 'desirable', ['Builds']],
      ['Anticipates', 'essential', []],
    ]);
    expect(saved).not.toHaveProperty('warnings');
  });

  it('shows SFIA code and level fields only for SFIA skills', async () => {
    setup();
    expect(screen.queryByLabelText('SFIA code')).toBeNull();
    await fireEvent.change(screen.getAllByLabelText('Kind')[0], { target: { value: 'sfia' } });
    expect(screen.getByLabelText('SFIA code')).toBeTruthy();
    expect(screen.getByLabelText('SFIA level (1–7)')).toBeTruthy();
  });

  it('shows why the last save was refused', () => {
    setup({ saveError: 'criteria[2].code: SFIA skill needs a code and a level' });
    expect(screen.getByTestId('save-error').textContent).toContain('needs a code and a level');
  });

  it('stops showing the refusal once the role is changed', async () => {
    setup({ saveError: 'criteria[2].code: SFIA skill needs a code and a level' });
    expect(screen.queryByTestId('save-error')).not.toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete indicator 1 of Team work' }));
    expect(screen.queryByTestId('save-error')).toBeNull();
  });
});
