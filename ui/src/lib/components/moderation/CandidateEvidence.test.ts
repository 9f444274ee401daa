import { render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Campaign } from '../../bindings/Campaign';
import type { Wire } from '../../wire';

const agreedScores = vi.fn(async () => []);
const moderations = vi.fn(async () => []);
const visibleScores = vi.fn(async () => []);
vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return { ...real, api: { ...real.api, agreedScores, moderations, visibleScores } };
});

const { default: CandidateEvidence } = await import('./CandidateEvidence.svelte');

beforeAll(() => {
  // jsdom has no modal dialogs: opening one only needs to set `open`.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

const scale = { name: 'Civil Service 1–7', points: [4, 5].map((v) => ({ value: v, label: `L${v}`, descriptor: '' })) };
const entry = (key: string, name: string, exercise: string) => ({
  key,
  criterion: { kind: 'behaviour' as const, name, group: null, priority: 'essential' as const, code: null, level: null, indicators: [] },
  weight: 1,
  pass_mark: 4,
  questions: [],
  exercise,
});
const exercises = [
  { key: 'e1', name: 'Interview', kind: 'interview' as const, criteria: ['c1', 'c2'] },
  { key: 'e2', name: 'Presentation', kind: 'presentation' as const, criteria: ['c2'] },
];
const assessed = [
  entry('c1@e1', 'Seeing the Big Picture (Interview)', 'e1'),
  entry('c2@e1', 'Working Together (Interview)', 'e1'),
  entry('c2@e2', 'Working Together (Presentation)', 'e2'),
];
const card = (criteria: typeof assessed) => ({
  title: 'E2E', role_title: 'R', role_grade: null, scale, criteria, overall_pass_mark: 8, tie_break: null, exercises, combine: 'sum' as const,
});
const campaign: Wire<Campaign> = {
  id: 1, name: 'E2E', scorecard_id: 1, scorecard_version: 1, state: 'moderation', created_at: '',
  scorecard: card([]), assessed: card(assessed),
};
const cell = (key: string, value: number) => ({
  key, agreed: value, moderated: null, value, not_assessed: false, source: 'agreed' as const, meets_pass_mark: true,
});
const row = {
  candidate_id: 9, reference: 'C-009', name: 'Amara Okafor', panel: 'Panel A',
  criteria: [cell('c1@e1', 5), cell('c2@e1', 4), cell('c2@e2', 6)],
  combined: [], total: 15, scaled_total: 15, outcome: 'pass' as const, outcome_reason: '', position: 1,
  tied: false, tie_note: null, boundary_tie: false, reserve: false,
};

describe('CandidateEvidence', () => {
  it('groups the entries under each exercise, each with its own final score', async () => {
    render(CandidateEvidence, {
      campaign, row, assessors: [], moderatorId: null, flags: { byCell: new Map() }, anonymised: false,
      onchanged: () => {}, onclose: () => {},
    });
    await waitFor(() => expect(agreedScores).toHaveBeenCalled());
    const dialog = screen.getByTestId('candidate-evidence');
    expect(within(dialog).getAllByTestId('evidence-exercise').map((h) => h.textContent)).toEqual(['Interview', 'Presentation']);
    // exercise headings at level 3, the entries under them at level 4, in the scorecard's order
    const headings = within(dialog).getAllByRole('heading').filter((h) => h.tagName !== 'H2').map((h) => `${h.tagName} ${h.textContent}`);
    expect(headings).toEqual([
      'H3 Interview',
      'H4 Seeing the Big Picture (Interview)',
      'H4 Working Together (Interview)',
      'H3 Presentation',
      'H4 Working Together (Presentation)',
    ]);
    const finals = within(dialog).getAllByTestId('final-score').map((f) => f.textContent?.trim());
    expect(finals).toEqual(['Final: 5 (agreed)', 'Final: 4 (agreed)', 'Final: 6 (agreed)']);
  });
});
