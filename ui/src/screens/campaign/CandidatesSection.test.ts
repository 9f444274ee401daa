import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Exercise } from '../../lib/bindings/Exercise';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn() }));

const { session } = await import('../../lib/session.svelte');
const { default: CandidatesSection } = await import('./CandidatesSection.svelte');

const scale = { name: 'Civil Service 1–7', points: [] };
const campaign = (state: 'setup' | 'moderation' | 'signed_off') => ({
  id: 4, name: 'DevOps SEO', scorecard_id: 1, scorecard_version: 1, state, created_at: '',
  scorecard: { title: 'E2E', role_title: 'R', role_grade: null, scale, criteria: [], overall_pass_mark: 4, tie_break: null, exercises: [] as Exercise[], combine: 'sum' as const },
  assessed: { title: 'E2E', role_title: 'R', role_grade: null, scale, criteria: [], overall_pass_mark: 4, tie_break: null, exercises: [], combine: 'sum' as const },
});
const candidates = [
  { id: 8, campaign_id: 4, reference: 'C-001', name: 'Amara Okafor', email: null, panel_id: null, slot: null, withdrawal: null, exercise_panels: [] },
  { id: 9, campaign_id: 4, reference: 'C-002', name: 'Siobhán Ó Briain', email: null, panel_id: null, slot: null, withdrawal: null, exercise_panels: [] },
];

function show(state: 'setup' | 'moderation' | 'signed_off', hrAdmin: boolean) {
  session.user = { id: 1, login: 'ana', name: 'Ana Admin', hr_admin: hrAdmin };
  render(CandidatesSection, { campaign: campaign(state), panels: [], candidates, editable: state === 'setup', onchange: vi.fn(async () => {}) });
}

beforeEach(() => {
  session.error = null;
});

describe('CandidatesSection erasure', () => {
  it('offers no erasure to someone who is not an HR administrator', () => {
    show('setup', false);
    expect(screen.queryAllByRole('button', { name: /^Erase personal data of/ })).toEqual([]);
    expect(screen.getByRole('button', { name: 'Edit C-001 Amara Okafor' })).toBeTruthy();
  });

  it('offers HR administrators one erasure per candidate, also during moderation, and opens its confirmation', async () => {
    show('moderation', true);
    expect(screen.getAllByRole('button', { name: /^Erase personal data of/ })).toHaveLength(2);
    await fireEvent.click(screen.getByRole('button', { name: 'Erase personal data of C-002 Siobhán Ó Briain' }));
    expect(screen.getByRole('alertdialog', { name: 'Erase the personal data of C-002 Siobhán Ó Briain?' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Erase personal data of C-002 Siobhán Ó Briain' }));
  });

  it('offers none once signed off, where the core refuses it, and says what to do', () => {
    show('signed_off', true);
    expect(screen.queryAllByRole('button', { name: /^Erase personal data of/ })).toEqual([]);
    expect(screen.getByTestId('erase-locked')).toBeTruthy();
  });
});

describe('CandidatesSection panels per exercise', () => {
  const exercises: Exercise[] = [
    { key: 'e1', name: 'Interview', kind: 'interview', criteria: [] },
    { key: 'e2', name: 'Written test', kind: 'written', criteria: [] },
  ];
  const panels = [
    { id: 1, campaign_id: 4, name: 'Panel A' },
    { id: 2, campaign_id: 4, name: 'Marking team' },
  ];
  const placed = [
    { ...candidates[0], panel_id: 1, exercise_panels: [{ exercise: 'e2', panel_id: 2 }] },
    { ...candidates[1], panel_id: 1, exercise_panels: [] },
  ];

  async function editFirst() {
    const { api } = await import('../../lib/api');
    const update = vi.spyOn(api, 'updateCandidate').mockResolvedValue(undefined);
    const place = vi.spyOn(api, 'placeCandidate').mockResolvedValue(undefined);
    session.user = { id: 1, login: 'ana', name: 'Ana Admin', hr_admin: true };
    const c = campaign('setup');
    c.scorecard.exercises = exercises;
    render(CandidatesSection, { campaign: c, panels, candidates: placed, editable: true, onchange: vi.fn(async () => {}) });
    return { update, place };
  }

  it('shows each exercise placed before another panel under the candidate’s panel', async () => {
    await editFirst();
    expect(screen.getByTestId('placed-C-001').textContent).toBe('Written test: Marking team');
    expect(screen.queryByTestId('placed-C-002')).toBeNull();
  });

  it('sends only the exercises whose panel changed', async () => {
    const { update, place } = await editFirst();
    await fireEvent.click(screen.getByRole('button', { name: 'Edit C-001 Amara Okafor' }));
    const written = screen.getByRole('combobox', { name: 'Panel for Written test' }) as HTMLSelectElement;
    expect(written.value).toBe('2');
    // The candidate's own panel is not offered as "another" panel.
    expect([...written.options].map((o) => o.textContent)).toEqual(['Own panel', 'Marking team']);
    await fireEvent.change(written, { target: { value: '' } });
    await fireEvent.submit(written.closest('form')!);
    await vi.waitFor(() => expect(place).toHaveBeenCalledTimes(1));
    expect(update).toHaveBeenCalledTimes(1);
    expect(place).toHaveBeenCalledWith(4, 8, 'e2', null);
  });
});

describe('CandidatesSection at scale', () => {
  it('draws a long list 100 rows at a time, with the count and a button for more', async () => {
    session.user = { id: 1, login: 'ana', name: 'Ana Admin', hr_admin: false };
    const many = Array.from({ length: 250 }, (_, i) => ({ ...candidates[0], id: 100 + i, reference: `C-${1000 + i}` }));
    render(CandidatesSection, { campaign: campaign('moderation'), panels: [], candidates: many, editable: false, onchange: vi.fn(async () => {}) });
    const rows = () => document.querySelectorAll('[data-testid="candidates-table"] tbody tr').length;
    expect(rows()).toBe(100);
    expect(screen.getByTestId('show-more').textContent).toContain('100 of 250 candidates shown.');
    await fireEvent.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(rows()).toBe(200);
    await fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(rows()).toBe(250);
    expect(screen.queryByTestId('show-more')).toBeNull();
  });
});

describe('CandidatesSection search', () => {
  /** 2,000 candidates; every other one from the 1,501st on (far past the first 100 shown) is a Mairéad. */
  const many = Array.from({ length: 2000 }, (_, i) => ({
    ...candidates[0],
    id: 100 + i,
    reference: `C-${String(i + 1).padStart(4, '0')}`,
    name: i >= 1500 && i % 2 === 0 ? `Mairéad Ní ${i}` : `Candidate ${i}`,
  }));
  const rows = () => [...document.querySelectorAll('[data-testid="candidates-table"] tbody tr')];

  function showMany() {
    session.user = { id: 1, login: 'ana', name: 'Ana Admin', hr_admin: false };
    render(CandidatesSection, { campaign: campaign('moderation'), panels: [], candidates: many, editable: false, onchange: vi.fn(async () => {}) });
    return screen.getByRole('searchbox', { name: /Find a candidate/ }) as HTMLInputElement;
  }

  it('finds in the whole list, without the accent typed, and says how many of how many', async () => {
    const box = showMany();
    await fireEvent.input(box, { target: { value: 'mairead' } });
    expect(screen.getByTestId('candidates-found').textContent?.trim()).toBe('250 of 2,000 candidates');
    expect(rows()).toHaveLength(100);
    expect(rows()[0].textContent).toContain('Mairéad Ní 1500');
    expect(screen.getByTestId('show-more').textContent).toContain('100 of 250 matching candidates shown.');
    await fireEvent.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(rows()).toHaveLength(200);
  });

  it('starts the shown rows again at 100 for a new search, and says when nothing matches', async () => {
    const box = showMany();
    await fireEvent.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(rows()).toHaveLength(200);
    await fireEvent.input(box, { target: { value: 'C-1' } });
    expect(rows()).toHaveLength(100);
    expect(screen.getByTestId('candidates-found').textContent?.trim()).toBe('1,000 of 2,000 candidates');
    await fireEvent.input(box, { target: { value: 'C-0042' } });
    expect(rows().map((r) => r.querySelector('td')?.textContent)).toEqual(['C-0042']);
    expect(screen.queryByTestId('show-more')).toBeNull();
    await fireEvent.input(box, { target: { value: 'nobody' } });
    expect(screen.getByTestId('candidates-none').textContent).toBe('No candidate matches “nobody”.');
    await fireEvent.input(box, { target: { value: '' } });
    expect(rows()).toHaveLength(100);
    expect(screen.getByTestId('candidates-found').textContent?.trim()).toBe('');
  });
});
