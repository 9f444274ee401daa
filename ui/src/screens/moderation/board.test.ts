import { describe, expect, it } from 'vitest';
import type { BoardSummary } from '../../lib/bindings/BoardSummary';
import type { Wire } from '../../lib/wire';
import { COMBINED_KEYS, combinedWireRow } from '../../lib/testing/combinedRow';
import {
  NO_FILTERS,
  NO_PANEL,
  boardFilter,
  candidateLabel,
  candidateName,
  cellKey,
  cellView,
  combinedView,
  entryFlags,
  flagKindsLabel,
  signOffSummary,
  indexFlags,
  panelNames,
  positionLabel,
  unpackReasons,
  unpackRow,
  type BoardFlag,
} from './board';

const flags: BoardFlag[] = [
  { kind: 'wide_spread', candidate_id: 2, criterion_key: 'c2', assessor_id: null, panel_id: null, reason: 'members scored Working Together from 3 to 6 (spread 3 ≥ 2)' },
  { kind: 'no_evidence', candidate_id: 2, criterion_key: 'c1', assessor_id: 7, panel_id: null, reason: 'Bo scored 4 on X with no evidence' },
  { kind: 'panel_outlier', candidate_id: null, criterion_key: null, assessor_id: null, panel_id: 2, reason: 'Panel B scores high' },
];

describe('indexFlags', () => {
  it('groups a candidate’s flag reasons by cell', () => {
    const index = indexFlags(flags);
    expect(index.byCell.get(cellKey(2, 'c2'))?.[0].reason).toContain('from 3 to 6');
    expect(index.byCell.get(cellKey(2, 'c1'))?.map((f) => f.kind)).toEqual(['no_evidence']);
    expect(index.byCell.has(cellKey(2, 'c3'))).toBe(false);
    expect(index.byCell.size).toBe(2);
  });
});

describe('boardFilter', () => {
  it('sends no filter as the core’s defaults', () => {
    expect(boardFilter(NO_FILTERS)).toEqual({ flag: 'all', panel: 'all', outcome: null });
  });
  it('sends a flag kind, a named panel and an outcome as the core takes them', () => {
    expect(boardFilter({ flag: 'wide_spread', panel: 'Panel A', outcome: 'fail' })).toEqual({
      flag: { kind: 'wide_spread' },
      panel: { named: 'Panel A' },
      outcome: 'fail',
    });
    expect(boardFilter({ flag: 'attention', panel: NO_PANEL, outcome: 'all' })).toEqual({
      flag: 'attention',
      panel: 'no_panel',
      outcome: null,
    });
  });
});

describe('anonymised view', () => {
  const row = { reference: 'C-001', name: 'Zoë Łukasiewicz' };
  it('names a candidate by reference only', () => {
    expect(candidateLabel(row, true)).toBe('C-001');
    expect(candidateName(row, true)).toBe('');
  });
  it('shows reference and name otherwise', () => {
    expect(candidateLabel(row, false)).toBe('C-001 Zoë Łukasiewicz');
    expect(candidateName(row, false)).toBe('Zoë Łukasiewicz');
  });
});

describe('cellView', () => {
  const base = { key: 'c2', agreed: 5, moderated: null, value: 5, not_assessed: false, meets_pass_mark: true };
  it('shows an agreed score', () => {
    const v = cellView({ ...base, source: 'agreed' }, 'Working Together');
    expect(v).toMatchObject({ text: '5', moderated: false, undecided: false });
    expect(v.description).toBe('Working Together: agreed 5');
  });
  it('marks a moderated score and says what was agreed', () => {
    const v = cellView({ ...base, moderated: 4, value: 4, source: 'moderated' }, 'Working Together');
    expect(v).toMatchObject({ text: '4', moderated: true });
    expect(v.description).toBe('Working Together: moderated to 4 (agreed 5)');
  });
  it('shows not assessed as n/a, never as zero', () => {
    const v = cellView({ ...base, value: null, not_assessed: true, source: 'agreed' }, 'X');
    expect(v.text).toBe('n/a');
    expect(v.description).toBe('X: agreed not assessed');
  });
  it('shows an undecided cell as a dash', () => {
    expect(cellView({ ...base, agreed: null, value: null, source: 'undecided' }, 'X')).toMatchObject({
      text: '—',
      undecided: true,
    });
    expect(cellView(undefined, 'X').undecided).toBe(true);
  });
});

const summary: Wire<BoardSummary> = {
  criteria: ['c1', 'c2'],
  candidates: 4,
  outcomes: { pass: 2, fail: 1, incomplete: 1 },
  flagged: 2,
  attention: 1,
  flag_counts: [
    { kind: 'agreed_outside_range', severity: 'high', count: 1 },
    { kind: 'wide_spread', severity: 'medium', count: 1 },
    { kind: 'no_evidence', severity: 'medium', count: 1 },
    { kind: 'panel_outlier', severity: 'medium', count: 1 },
    { kind: 'pass_mark_split', severity: 'low', count: 1 },
  ],
  panels: ['Panel 10', 'Panel 2'],
  has_no_panel: true,
  panel_flags: [flags[2]],
  tied_positions: [2],
  first: { offset: 0, matching: 0, rows: [] },
};

describe('signOffSummary', () => {
  it('lists open flags by kind in the filter’s order, the candidates needing attention and the ties', () => {
    expect(signOffSummary(summary)).toEqual({
      flags: [
        { kind: 'agreed_outside_range', label: 'Agreed outside range', count: 1 },
        { kind: 'wide_spread', label: 'Wide spread', count: 1 },
        { kind: 'no_evidence', label: 'No evidence', count: 1 },
        { kind: 'panel_outlier', label: 'Panel outlier', count: 1 },
        { kind: 'pass_mark_split', label: 'Split on pass mark', count: 1 },
      ],
      attention: 1,
      tiedPositions: [2],
    });
  });
});

describe('helpers', () => {
  it('lists panel names in natural order and notes candidates with none', () => {
    expect(panelNames(summary)).toEqual({ names: ['Panel 2', 'Panel 10'], hasNone: true });
  });
  it('names a row’s flag kinds once each, most severe first', () => {
    expect(
      flagKindsLabel([
        { kind: 'pass_mark_split', criterion_key: 'c1' },
        { kind: 'wide_spread', criterion_key: 'c1' },
        { kind: 'pass_mark_split', criterion_key: 'c2' },
        { kind: 'unscored', criterion_key: 'c2' },
      ]),
    ).toBe('Unscored, Wide spread, Split on pass mark');
  });
  it('labels tied positions with “=”', () => {
    expect(positionLabel({ position: 2, tied: true })).toBe('2=');
    expect(positionLabel({ position: 1, tied: false })).toBe('1');
    expect(positionLabel({ position: null, tied: false })).toBe('');
  });
});

describe('unpackRow and unpackReasons', () => {
  it('lay a window’s row and a candidate’s reasons back out as a result, marks and flags', () => {
    const keys = ['c1', 'c2'];
    const row = unpackRow(
      {
        candidate_id: 7,
        reference: 'C-007',
        name: 'Zoë Łukasiewicz',
        panel: 'Panel 1',
        total: 9,
        scaled_total: 13.5,
        outcome: 'pass',
        outcome_reason: 'meets every pass mark',
        position: 1,
        tied: false,
        tie_note: null,
        boundary_tie: true,
        reserve: false,
        cells: [
          [5, null, 5, false, 'agreed', true],
          [3, 4, 4, true, 'moderated', null],
        ],
        flags: [
          ['wide_spread', 1, null],
          ['no_evidence', 0, 12],
        ],
      },
      keys,
    );
    expect(row.criteria).toEqual([
      { key: 'c1', agreed: 5, moderated: null, value: 5, not_assessed: false, source: 'agreed', meets_pass_mark: true },
      { key: 'c2', agreed: 3, moderated: 4, value: 4, not_assessed: true, source: 'moderated', meets_pass_mark: null },
    ]);
    expect(row).toMatchObject({ reference: 'C-007', name: 'Zoë Łukasiewicz', total: 9, scaled_total: 13.5, boundary_tie: true, position: 1 });
    expect(row.marks).toEqual([
      { kind: 'wide_spread', criterion_key: 'c2' },
      { kind: 'no_evidence', criterion_key: 'c1' },
    ]);
    const reasons = unpackReasons(
      {
        candidate_id: 7,
        flags: [
          ['wide_spread', 1, null, 'members scored Two from 2 to 5'],
          ['no_evidence', 0, 12, 'Tomasz scored 5 on One with no evidence'],
        ],
      },
      keys,
    );
    expect(reasons).toEqual([
      { kind: 'wide_spread', candidate_id: 7, criterion_key: 'c2', assessor_id: null, panel_id: null, reason: 'members scored Two from 2 to 5' },
      { kind: 'no_evidence', candidate_id: 7, criterion_key: 'c1', assessor_id: 12, panel_id: null, reason: 'Tomasz scored 5 on One with no evidence' },
    ]);
  });
});

describe('combinedView', () => {
  const row = unpackRow(combinedWireRow(), COMBINED_KEYS);

  it('shows a criterion assessed in two exercises as their scores and the combination', () => {
    expect(row.marks).toEqual([{ kind: 'exercises_disagree', criterion_key: 'c2' }]);
    expect(combinedView(row, 'c2', 'Data Analysis')).toEqual({
      text: '6 · 3 → 4.50',
      moderated: true,
      undecided: false,
      description: 'Data Analysis: Interview 6 · Technical test 3 → 4.50; Technical test moderated to 3 (agreed 2)',
      keys: ['c2', 'c2@e1', 'c2@e2'],
      below: true,
    });
  });

  it('shows a criterion assessed in one exercise as its one score', () => {
    expect(combinedView(row, 'c1', 'Working Together')).toMatchObject({
      text: '5',
      moderated: false,
      undecided: false,
      keys: ['c1', 'c1@e1'],
      below: false,
    });
  });
});

describe('entryFlags', () => {
  it('gives an entry its own flags and, with several exercises, its criterion’s as combined', () => {
    const disagree: BoardFlag = { kind: 'exercises_disagree', candidate_id: 7, criterion_key: 'c2', assessor_id: null, panel_id: null, reason: 'exercises disagree' };
    const spread: BoardFlag = { kind: 'wide_spread', candidate_id: 7, criterion_key: 'c2@e2', assessor_id: null, panel_id: null, reason: 'members apart' };
    const index = indexFlags([disagree, spread]);
    expect(entryFlags(index, 7, { key: 'c2@e2', exercise: 'e2' })).toEqual([spread, disagree]);
    expect(entryFlags(index, 7, { key: 'c2@e1', exercise: 'e1' })).toEqual([disagree]);
    expect(entryFlags(index, 7, { key: 'c1@e1', exercise: 'e1' })).toEqual([]);
    expect(entryFlags(index, 7, { key: 'c2' }), 'one exercise: the key is the criterion’s').toEqual([disagree]);
    expect(entryFlags(index, 8, { key: 'c2@e2', exercise: 'e2' })).toEqual([]);
  });
});
