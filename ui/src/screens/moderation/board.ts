/**
 * Presentation of the moderation board: indexing the core's flags by candidate and cell,
 * filtering rows, and the anonymised view. No domain rule lives here: flags, outcomes and
 * final scores all come from the core; this only arranges them.
 */
import type { CandidateResult } from '../../lib/bindings/CandidateResult';
import type { CriterionResult } from '../../lib/bindings/CriterionResult';
import type { Flag } from '../../lib/bindings/Flag';
import type { FlagKind } from '../../lib/bindings/FlagKind';
import type { Outcome } from '../../lib/bindings/Outcome';
import type { PackedBoard } from '../../lib/bindings/PackedBoard';
import type { Wire } from '../../lib/wire';
import { bySeverity, needsAttention, SEVERITY } from './severity';

export type Result = Wire<CandidateResult>;
export type BoardFlag = Wire<Flag>;

/**
 * The board as the core packed it for the wire (criteria by index, cells and flags as arrays),
 * laid back out as the results and flags the screen works with. Pure reshaping: every value
 * is the core's. A candidate's flag leaves `panel_id` empty: its row names the panel.
 */
export function unpackBoard(packed: Wire<PackedBoard>): { results: Result[]; flags: BoardFlag[] } {
  const keys = packed.criteria;
  const flags: BoardFlag[] = [];
  const results: Result[] = packed.rows.map((row) => {
    for (const [kind, criterion, assessor, reason] of row.flags) {
      flags.push({
        kind,
        candidate_id: row.candidate_id,
        criterion_key: criterion == null ? null : (keys[criterion] ?? null),
        assessor_id: assessor,
        panel_id: null,
        reason,
      });
    }
    return {
      candidate_id: row.candidate_id,
      reference: row.reference,
      name: row.name,
      panel: row.panel,
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
    };
  });
  flags.push(...packed.panel_flags);
  return { results, flags };
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
] as const);

/** The flag filter's option for one kind, with its severity. */
export function flagOptionLabel(kind: FlagKind): string {
  return `${flagLabel(kind)} (${SEVERITY[kind] === 'high' ? 'needs attention' : SEVERITY[kind]})`;
}

export function flagLabel(kind: FlagKind): string {
  return FLAG_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** Flags arranged for the board. */
export type FlagIndex = {
  /** Flags about a candidate (any criterion), by candidate id. */
  byCandidate: Map<number, BoardFlag[]>;
  /** Flags about one cell, by `cellKey(candidate, criterion)`. */
  byCell: Map<string, BoardFlag[]>;
  /** Flags about a whole panel (no candidate), e.g. a panel whose mean is an outlier. */
  panelFlags: BoardFlag[];
  /** Ids of panels with a panel flag. */
  flaggedPanels: Set<number>;
};

export function cellKey(candidateId: number, criterionKey: string): string {
  return `${candidateId}|${criterionKey}`;
}

export function indexFlags(flags: readonly BoardFlag[]): FlagIndex {
  const byCandidate = new Map<number, BoardFlag[]>();
  const byCell = new Map<string, BoardFlag[]>();
  const panelFlags: BoardFlag[] = [];
  const flaggedPanels = new Set<number>();
  for (const flag of flags) {
    if (flag.candidate_id == null) {
      panelFlags.push(flag);
      if (flag.panel_id != null) flaggedPanels.add(flag.panel_id);
      continue;
    }
    push(byCandidate, flag.candidate_id, flag);
    if (flag.criterion_key != null) push(byCell, cellKey(flag.candidate_id, flag.criterion_key), flag);
  }
  return { byCandidate, byCell, panelFlags, flaggedPanels };
}

function push<K>(map: Map<K, BoardFlag[]>, key: K, flag: BoardFlag) {
  const list = map.get(key);
  if (list) list.push(flag);
  else map.set(key, [flag]);
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

/**
 * The rows that pass every filter, in the core's (merit) order. `panelIds` maps a panel name
 * to its id, so a panel-outlier filter keeps the candidates of flagged panels.
 */
export function filterRows(
  rows: readonly Result[],
  index: FlagIndex,
  filters: Filters,
  panelIds: ReadonlyMap<string, number> = new Map(),
): Result[] {
  const { flag, panel, outcome } = filters;
  if (flag === 'all' && panel === 'all' && outcome === 'all') return rows.slice();
  return rows.filter((row) => {
    if (outcome !== 'all' && row.outcome !== outcome) return false;
    if (panel !== 'all') {
      if (panel === NO_PANEL ? row.panel != null : row.panel !== panel) return false;
    }
    if (flag === 'all') return true;
    const own = index.byCandidate.get(row.candidate_id) ?? [];
    const panelId = row.panel == null ? undefined : panelIds.get(row.panel);
    const panelFlagged = panelId != null && index.flaggedPanels.has(panelId);
    if (flag === 'attention') return needsAttention(own);
    if (flag === 'any') return own.length > 0 || panelFlagged;
    if (flag === 'none') return own.length === 0 && !panelFlagged;
    if (flag === 'panel_outlier') return panelFlagged;
    return own.some((f) => f.kind === flag);
  });
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

/** Distinct panel names of the rows, sorted, for the panel filter. */
export function panelNames(rows: readonly Result[]): { names: string[]; hasNone: boolean } {
  const names = new Set<string>();
  let hasNone = false;
  for (const row of rows) {
    if (row.panel == null) hasNone = true;
    else names.add(row.panel);
  }
  return { names: [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })), hasNone };
}

/** Number of rows of each outcome and with any flag, for the filter labels. */
export function counts(rows: readonly Result[], index: FlagIndex) {
  let flagged = 0;
  let attention = 0;
  const outcome: Record<Outcome, number> = { pass: 0, fail: 0, incomplete: 0 };
  for (const row of rows) {
    outcome[row.outcome] += 1;
    const own = index.byCandidate.get(row.candidate_id);
    if (own) flagged += 1;
    if (own && needsAttention(own)) attention += 1;
  }
  return { flagged, attention, outcome };
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

export function signOffSummary(rows: readonly Result[], index: FlagIndex): SignOffSummary {
  const byKind = new Map<FlagKind, number>();
  let attention = 0;
  for (const list of index.byCandidate.values()) {
    for (const f of list) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    if (needsAttention(list)) attention += 1;
  }
  for (const f of index.panelFlags) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  const flags = FLAG_KINDS.filter((k) => byKind.has(k.kind)).map((k) => ({ ...k, count: byKind.get(k.kind)! }));
  const tied = new Set<number>();
  for (const r of rows) if (r.tied && r.position != null) tied.add(r.position);
  return { flags, attention, tiedPositions: [...tied].sort((a, b) => a - b) };
}
