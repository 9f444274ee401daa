import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  NO_PANEL,
  candidateLabel,
  candidateName,
  cellKey,
  cellView,
  counts,
  filterRows,
  signOffSummary,
  indexFlags,
  panelNames,
  positionLabel,
  unpackBoard,
  type BoardFlag,
  type Result,
} from './board';

function result(id: number, over: Partial<Result> = {}): Result {
  return {
    candidate_id: id,
    reference: `C-${String(id).padStart(3, '0')}`,
    name: `Name ${id}`,
    panel: 'Panel A',
    criteria: [],
    total: 12,
    scaled_total: 12,
    outcome: 'pass',
    outcome_reason: 'meets every pass mark',
    position: id,
    tied: false,
    tie_note: null,
    boundary_tie: false,
    reserve: false,
    ...over,
  };
}

const flags: BoardFlag[] = [
  { kind: 'wide_spread', candidate_id: 2, criterion_key: 'c2', assessor_id: null, panel_id: 1, reason: 'members scored Working Together from 3 to 6 (spread 3 ≥ 2)' },
  { kind: 'no_evidence', candidate_id: 2, criterion_key: 'c1', assessor_id: 7, panel_id: 1, reason: 'Bo scored 4 on X with no evidence' },
  { kind: 'pass_mark_split', candidate_id: 3, criterion_key: 'c2', assessor_id: null, panel_id: 2, reason: 'split' },
  { kind: 'panel_outlier', candidate_id: null, criterion_key: null, assessor_id: null, panel_id: 2, reason: 'Panel B scores high' },
];

const rows = [
  result(1),
  result(2, { outcome: 'fail' }),
  result(3, { panel: 'Panel B', outcome: 'incomplete' }),
  result(4, { panel: null }),
];
const panelIds = new Map([
  ['Panel A', 1],
  ['Panel B', 2],
]);
const ids = (list: Result[]) => list.map((r) => r.candidate_id);

describe('indexFlags', () => {
  it('groups flags by candidate and by cell, and keeps panel flags apart', () => {
    const index = indexFlags(flags);
    expect(index.byCandidate.get(2)?.map((f) => f.kind)).toEqual(['wide_spread', 'no_evidence']);
    expect(index.byCell.get(cellKey(2, 'c2'))?.[0].reason).toContain('from 3 to 6');
    expect(index.byCell.has(cellKey(2, 'c3'))).toBe(false);
    expect(index.panelFlags.map((f) => f.reason)).toEqual(['Panel B scores high']);
    expect([...index.flaggedPanels]).toEqual([2]);
  });
});

describe('filterRows', () => {
  const index = indexFlags(flags);
  it('keeps every row, in the given order, with no filters', () => {
    expect(ids(filterRows(rows, index, NO_FILTERS, panelIds))).toEqual([1, 2, 3, 4]);
  });
  it('filters by one flag kind', () => {
    expect(ids(filterRows(rows, index, { ...NO_FILTERS, flag: 'wide_spread' }, panelIds))).toEqual([2]);
    expect(ids(filterRows(rows, index, { ...NO_FILTERS, flag: 'unscored' }, panelIds))).toEqual([]);
  });
  it('counts a panel flag for the candidates of that panel', () => {
    expect(ids(filterRows(rows, index, { ...NO_FILTERS, flag: 'panel_outlier' }, panelIds))).toEqual([3]);
    expect(ids(filterRows(rows, index, { ...NO_FILTERS, flag: 'any' }, panelIds))).toEqual([2, 3]);
    expect(ids(filterRows(rows, index, { ...NO_FILTERS, flag: 'none' }, panelIds))).toEqual([1, 4]);
  });
  it('filters by panel, including candidates with no panel', () => {
    expect(ids(filterRows(rows, index, { ...NO_FILTERS, panel: 'Panel A' }, panelIds))).toEqual([1, 2]);
    expect(ids(filterRows(rows, index, { ...NO_FILTERS, panel: NO_PANEL }, panelIds))).toEqual([4]);
  });
  it('filters by outcome and combines filters', () => {
    expect(ids(filterRows(rows, index, { ...NO_FILTERS, outcome: 'fail' }, panelIds))).toEqual([2]);
    expect(ids(filterRows(rows, index, { flag: 'any', panel: 'Panel A', outcome: 'pass' }, panelIds))).toEqual([]);
    expect(ids(filterRows(rows, index, { flag: 'any', panel: 'Panel B', outcome: 'incomplete' }, panelIds))).toEqual([3]);
  });
  it('combines every filter over 5,000 rows', () => {
    const many = Array.from({ length: 5000 }, (_, i) => result(i + 1, { outcome: i % 3 ? 'pass' : 'fail' }));
    const manyFlags = indexFlags(
      many.filter((_, i) => i % 7 === 0).map((r) => ({ ...flags[0], candidate_id: r.candidate_id })),
    );
    const kept = filterRows(many, manyFlags, { flag: 'wide_spread', panel: 'Panel A', outcome: 'fail' }, panelIds);
    expect(kept.length).toBe(many.filter((_, i) => i % 7 === 0 && i % 3 === 0).length);
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

describe('needs attention', () => {
  it('keeps only candidates with a high-severity flag, not a pass-mark split', () => {
    const outside: BoardFlag = { kind: 'agreed_outside_range', candidate_id: 4, criterion_key: 'c1', assessor_id: null, panel_id: null, reason: 'agreed 6, members 3–4' };
    const index = indexFlags([...flags, outside]);
    expect(ids(filterRows(rows, index, { ...NO_FILTERS, flag: 'attention' }, panelIds))).toEqual([4]);
    expect(counts(rows, index)).toEqual({ flagged: 3, attention: 1, outcome: { pass: 2, fail: 1, incomplete: 1 } });
  });
});

describe('signOffSummary', () => {
  it('lists open flags by kind, most severe first, and the tied positions', () => {
    const outside: BoardFlag = { kind: 'agreed_outside_range', candidate_id: 4, criterion_key: 'c1', assessor_id: null, panel_id: null, reason: 'x' };
    const tiedRows = [...rows.slice(0, 2), result(3, { position: 2, tied: true }), result(4, { position: 2, tied: true })];
    expect(signOffSummary(tiedRows, indexFlags([...flags, outside]))).toEqual({
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
    const many = [result(1, { panel: 'Panel 10' }), result(2, { panel: 'Panel 2' }), result(3, { panel: null })];
    expect(panelNames(many)).toEqual({ names: ['Panel 2', 'Panel 10'], hasNone: true });
  });
  it('counts outcomes and flagged candidates', () => {
    expect(counts(rows, indexFlags(flags))).toEqual({ flagged: 2, attention: 0, outcome: { pass: 2, fail: 1, incomplete: 1 } });
  });
  it('labels tied positions with “=”', () => {
    expect(positionLabel({ position: 2, tied: true })).toBe('2=');
    expect(positionLabel({ position: 1, tied: false })).toBe('1');
    expect(positionLabel({ position: null, tied: false })).toBe('');
  });
});

describe('unpackBoard', () => {
  it('lays the packed rows, cells and flags back out as results and flags', () => {
    const panelFlag: BoardFlag = {
      kind: 'panel_outlier',
      candidate_id: null,
      criterion_key: null,
      assessor_id: null,
      panel_id: 3,
      reason: 'Panel 2 scores 5.10 on average',
    };
    const { results, flags } = unpackBoard({
      criteria: ['c1', 'c2'],
      rows: [
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
            ['wide_spread', 1, null, 'members scored Two from 2 to 5'],
            ['no_evidence', 0, 12, 'Tomasz scored 5 on One with no evidence'],
          ],
        },
      ],
      panel_flags: [panelFlag],
    });
    expect(results).toHaveLength(1);
    expect(results[0].criteria).toEqual([
      { key: 'c1', agreed: 5, moderated: null, value: 5, not_assessed: false, source: 'agreed', meets_pass_mark: true },
      { key: 'c2', agreed: 3, moderated: 4, value: 4, not_assessed: true, source: 'moderated', meets_pass_mark: null },
    ]);
    expect(results[0]).toMatchObject({
      reference: 'C-007',
      name: 'Zoë Łukasiewicz',
      total: 9,
      scaled_total: 13.5,
      boundary_tie: true,
      position: 1,
    });
    expect(flags).toEqual([
      { kind: 'wide_spread', candidate_id: 7, criterion_key: 'c2', assessor_id: null, panel_id: null, reason: 'members scored Two from 2 to 5' },
      { kind: 'no_evidence', candidate_id: 7, criterion_key: 'c1', assessor_id: 12, panel_id: null, reason: 'Tomasz scored 5 on One with no evidence' },
      panelFlag,
    ]);
    expect(indexFlags(flags).byCell.get(cellKey(7, 'c2'))?.map((f) => f.kind)).toEqual(['wide_spread']);
  });
});
