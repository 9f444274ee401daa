/**
 * Presentation of the moderation board: laying the core's rows back out for the grid,
 * indexing flag reasons by cell, the filters as the core takes them, and the anonymised view.
 * No domain rule lives here: flags, outcomes, final scores, filtering and counts all come from
 * the core; this only arranges them.
 */
import type { BoardFilter } from '../../lib/bindings/BoardFilter';
import type { BoardRow } from '../../lib/bindings/BoardRow';
import type { BoardSummary } from '../../lib/bindings/BoardSummary';
import type { CandidateFlags } from '../../lib/bindings/CandidateFlags';
import type { CandidateResult } from '../../lib/bindings/CandidateResult';
import type { CriterionResult } from '../../lib/bindings/CriterionResult';
import type { Flag } from '../../lib/bindings/Flag';
import type { FlagKind } from '../../lib/bindings/FlagKind';
import type { Outcome } from '../../lib/bindings/Outcome';
import type { Wire } from '../../lib/wire';
import { bySeverity, SEVERITY } from './severity';
import type { CombinedCriterion } from '../../lib/bindings/CombinedCriterion';
import { combinedCell, combinedLine } from '../results/view';

export type Result = Wire<CandidateResult>;
export type BoardFlag = Wire<Flag>;
/** A candidate's flag as a row carries it: no reason (that comes on request). */
export type FlagMark = { kind: FlagKind; criterion_key: string | null };
/** A row of the grid: the candidate's result and their flags' marks. */
export type Row = Result & { marks: FlagMark[] };

/**
 * A row as the core sends it in a window (criteria by index, cells and flag marks as arrays),
 * laid back out as the result the screen works with. Pure reshaping: every value is the core's.
 */
export function unpackRow(row: Wire<BoardRow>, keys: readonly string[]): Row {
  return {
    candidate_id: row.candidate_id,
    reference: row.reference,
    name: row.name,
    panel: row.panel,
    combined: row.combined ?? [],
    criteria: row.cells.map(([agreed, moderated, value, not_assessed, source, meets_pass_mark], i) => ({
      key: keys[i] ?? '',
      agreed,
      moderated,
      value,
      not_assessed,
      source,
      meets_pass_mark,
    })),
    total: row.total,
    scaled_total: row.scaled_total,
    outcome: row.outcome,
    outcome_reason: row.outcome_reason,
    position: row.position,
    tied: row.tied,
    tie_note: row.tie_note,
    boundary_tie: row.boundary_tie,
    reserve: row.reserve,
    marks: row.flags.map(([kind, criterion]) => ({ kind, criterion_key: criterion == null ? null : (keys[criterion] ?? null) })),
  };
}

/** A candidate's flags with their reasons, as the core sends them on request, laid out as
 * flags. A candidate's flag leaves `panel_id` empty: its row names the panel. */
export function unpackReasons(packed: Wire<CandidateFlags>, keys: readonly string[]): BoardFlag[] {
  return packed.flags.map(([kind, criterion, assessor, reason]) => ({
    kind,
    candidate_id: packed.candidate_id,
    criterion_key: criterion == null ? null : (keys[criterion] ?? null),
    assessor_id: assessor,
    panel_id: null,
    reason,
  }));
}

/** Every flag kind with a short label, most severe first (the order the filter lists them). */
export const FLAG_KINDS: readonly { kind: FlagKind; label: string }[] = bySeverity([
  { kind: 'wide_spread', label: 'Wide spread' },
  { kind: 'agreed_outside_range', label: 'Agreed outside range' },
  { kind: 'pass_mark_split', label: 'Split on pass mark' },
  { kind: 'no_evidence', label: 'No evidence' },
  { kind: 'indicators_at_odds', label: 'Indicators at odds' },
  { kind: 'unscored', label: 'Unscored' },
  { kind: 'panel_outlier', label: 'Panel outlier' },
  { kind: 'boundary_tie', label: 'Tie at the last post' },
  { kind: 'exercises_disagree', label: 'Exercises disagree' },
] as const);

/** The flag filter's option for one kind, with its severity. */
export function flagOptionLabel(kind: FlagKind): string {
  return `${flagLabel(kind)} (${SEVERITY[kind] === 'high' ? 'needs attention' : SEVERITY[kind]})`;
}

export function flagLabel(kind: FlagKind): string {
  return FLAG_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** Flag reasons arranged for a candidate's cells. */
export type FlagIndex = {
  /** Flags about one cell, by `cellKey(candidate, criterion)`. */
  byCell: Map<string, BoardFlag[]>;
};

export function cellKey(candidateId: number, criterionKey: string): string {
  return `${candidateId}|${criterionKey}`;
}

export function indexFlags(flags: readonly BoardFlag[]): FlagIndex {
  const byCell = new Map<string, BoardFlag[]>();
  for (const flag of flags) {
    if (flag.candidate_id == null || flag.criterion_key == null) continue;
    const key = cellKey(flag.candidate_id, flag.criterion_key);
    const list = byCell.get(key);
    if (list) list.push(flag);
    else byCell.set(key, [flag]);
  }
  return { byCell };
}

/**
 * The flags about one entry of the scorecard as assessed: its own, and with several exercises
 * those about its criterion as combined (its exercises disagreeing), which concern each of its
 * entries. An entry's key is the criterion's, `@`, and the exercise's (the core's `slot_key`).
 */
export function entryFlags(
  index: FlagIndex,
  candidateId: number,
  entry: { key: string; exercise?: string | null },
): BoardFlag[] {
  const own = index.byCell.get(cellKey(candidateId, entry.key)) ?? [];
  if (!entry.exercise) return own;
  const criterion = entry.key.slice(0, entry.key.length - entry.exercise.length - 1);
  return [...own, ...(index.byCell.get(cellKey(candidateId, criterion)) ?? [])];
}

/** `all`: no filter; `attention`: a high-severity flag; `any`: at least one flag; `none`: no
 * flags; or one kind. */
export type FlagFilter = 'all' | 'attention' | 'any' | 'none' | FlagKind;
/** `all`, a panel name, or `NO_PANEL`. */
export type PanelFilter = string;
export const NO_PANEL = '\u0000none';
export type OutcomeFilter = 'all' | Outcome;

export type Filters = { flag: FlagFilter; panel: PanelFilter; outcome: OutcomeFilter };
export const NO_FILTERS: Filters = { flag: 'all', panel: 'all', outcome: 'all' };

/** The screen's filters as the core applies them (beside the rows). */
export function boardFilter(filters: Filters): BoardFilter {
  const { flag, panel, outcome } = filters;
  return {
    flag: flag === 'all' || flag === 'attention' || flag === 'any' || flag === 'none' ? flag : { kind: flag },
    panel: panel === 'all' ? 'all' : panel === NO_PANEL ? 'no_panel' : { named: panel },
    outcome: outcome === 'all' ? null : outcome,
  };
}

/** How a candidate is named on screen: by reference alone in the anonymised view. */
export function candidateLabel(row: { reference: string; name: string }, anonymised: boolean): string {
  return anonymised ? row.reference : `${row.reference} ${row.name}`;
}

/** The candidate's name column: hidden (empty) in the anonymised view. */
export function candidateName(row: { name: string }, anonymised: boolean): string {
  return anonymised ? '' : row.name;
}

/** What a grid cell shows. */
export type CellView = {
  /** The score that counts, "n/a" for not assessed, "—" when undecided. */
  text: string;
  moderated: boolean;
  undecided: boolean;
  /** A sentence for screen readers and the tooltip. */
  description: string;
};

export function cellView(cell: Wire<CriterionResult> | undefined, criterionName: string): CellView {
  if (!cell || cell.source === 'undecided') {
    return { text: '—', moderated: false, undecided: true, description: `${criterionName}: no agreed score yet` };
  }
  const shown = (value: number | null, notAssessed: boolean) =>
    notAssessed ? 'not assessed' : value == null ? 'none' : String(value);
  const text = cell.not_assessed ? 'n/a' : String(cell.value ?? '—');
  if (cell.source === 'moderated') {
    return {
      text,
      moderated: true,
      undecided: false,
      description: `${criterionName}: moderated to ${shown(cell.value, cell.not_assessed)} (agreed ${
        cell.agreed == null ? 'none' : cell.agreed
      })`,
    };
  }
  return {
    text,
    moderated: false,
    undecided: false,
    description: `${criterionName}: agreed ${shown(cell.value, cell.not_assessed)}`,
  };
}

/** A criterion as the board shows it when the campaign has several exercises. */
export type CombinedView = CellView & {
  /** The keys its flags name: the criterion's own (a flag about it as combined) and its
   * entries' in each exercise. */
  keys: string[];
  /** Some exercise's score is below the pass mark. */
  below: boolean;
};

/**
 * A criterion of a campaign with several exercises: its exercises' scores and their
 * combination, compactly ("6 · 2 → 4"), or the one score of a criterion assessed in one
 * exercise. The combination and every score are the core's (`row.combined`); the entry keys
 * follow the core's `slot_key` ("c3@e2").
 */
export function combinedView(row: Row, key: string, criterionName: string): CombinedView {
  const combined: Wire<CombinedCriterion> | undefined = row.combined.find((c) => c.key === key);
  const entryKeys = combined ? combined.exercises.map((e) => `${key}@${e.exercise}`) : [];
  const entries = entryKeys.map((k) => row.criteria.find((c) => c.key === k));
  const keys = [key, ...entryKeys];
  const below = entries.some((e) => e?.meets_pass_mark === false);
  if (!combined) {
    return { text: '—', moderated: false, undecided: true, description: `${criterionName}: no score yet`, keys, below };
  }
  const text =
    combined.exercises.length > 1
      ? combinedCell(combined)
      : cellView(entries[0], criterionName).text;
  const notes = combined.exercises.flatMap((exercise, i) => {
    const entry = entries[i];
    return entry?.source === 'moderated'
      ? [`${exercise.exercise_name} moderated to ${entry.not_assessed ? 'not assessed' : entry.value} (agreed ${entry.agreed ?? 'none'})`]
      : [];
  });
  return {
    text,
    moderated: notes.length > 0,
    undecided: combined.value == null && !combined.not_assessed,
    description: [`${criterionName}: ${combinedLine(combined)}`, ...notes].join('; '),
    keys,
    below,
  };
}

/** The board's panel names in natural order ("Panel 2" before "Panel 10"), for the filter. */
export function panelNames(summary: Pick<Wire<BoardSummary>, 'panels' | 'has_no_panel'>): { names: string[]; hasNone: boolean } {
  const names = [...summary.panels].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return { names, hasNone: summary.has_no_panel };
}

/** "2=" for a tied merit position, "2" otherwise, "" without one. */
export function positionLabel(row: { position: number | null; tied: boolean }): string {
  if (row.position == null) return '';
  return row.tied ? `${row.position}=` : String(row.position);
}

/** What a moderator is told before signing off: the flags still open and the ties. */
export type SignOffSummary = {
  /** Flags by kind, most severe first, with how many there are. */
  flags: { kind: FlagKind; label: string; count: number }[];
  /** Candidates with a high-severity flag. */
  attention: number;
  /** Merit positions shared by more than one candidate. */
  tiedPositions: number[];
};

export function signOffSummary(summary: Wire<BoardSummary>): SignOffSummary {
  const byKind = new Map(summary.flag_counts.map((c) => [c.kind, c.count] as const));
  const flags = FLAG_KINDS.filter((k) => byKind.has(k.kind)).map((k) => ({ ...k, count: byKind.get(k.kind)! }));
  return { flags, attention: summary.attention, tiedPositions: summary.tied_positions };
}

/** A row's flag kinds, most severe first, each named once ("Wide spread, No evidence"). */
export function flagKindsLabel(marks: readonly FlagMark[]): string {
  return [...new Set(bySeverity(marks).map((f) => flagLabel(f.kind)))].join(', ');
}
