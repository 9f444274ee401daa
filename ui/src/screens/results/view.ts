/**
 * Showing the core's results and statistics on the Results screen: labels, the tied positions
 * shown first, and the geometry of the leniency chart. The core decides outcomes, positions,
 * ties and the reserve, and groups the lists; this only labels and draws them.
 */
import type { AssessorLeniency } from '../../lib/bindings/AssessorLeniency';
import type { CandidateResult } from '../../lib/bindings/CandidateResult';
import type { CombinedCriterion } from '../../lib/bindings/CombinedCriterion';
import type { Wire } from '../../lib/wire';

export type Result = Wire<CandidateResult>;

/** Tied positions shown before "Show all": the first few, and every tie across the last post
 * (the one sign-off waits for), in position order. */
export const FIRST_TIES = 10;

export function tiesToShow<G extends { position: number; boundary: boolean }>(ties: readonly G[], first = FIRST_TIES): G[] {
  return ties.filter((g, i) => i < first || g.boundary);
}

/**
 * The merit list's note for a candidate: "Tied: equal total and tie-break, not separated" for
 * a tie (the core's note already begins "tied:", so the word is said once), "Tied for the last
 * post: …" for a tie across the last post (which blocks sign-off), the core's note otherwise,
 * "" without one.
 */
export function tieNote(r: { tied: boolean; boundary_tie?: boolean; tie_note: string | null }): string {
  const note = (r.tie_note ?? '').replace(/^tied( for the last post)?:\s*/i, '');
  if (!r.tied) return note.charAt(0).toUpperCase() + note.slice(1);
  const label = r.boundary_tie ? 'Tied for the last post' : 'Tied';
  return note ? `${label}: ${note}` : label;
}

/**
 * The total the merit order uses: the scaled total (see the core's results), with the weighted
 * total it came from when a criterion was not assessed, so "not assessed" is never read as 0.
 */
export function totalLabel(r: { total: number; scaled_total: number }): string {
  if (!isScaled(r)) return roundTotal(r.total);
  return `${roundTotal(r.scaled_total)} (scaled from ${roundTotal(r.total)})`;
}

/** [`totalLabel`] for a narrow column: the scaled total, starred when scaled. */
export function shortTotal(r: { total: number; scaled_total: number }): string {
  return isScaled(r) ? `${roundTotal(r.scaled_total)}*` : roundTotal(r.total);
}

function isScaled(r: { total: number; scaled_total: number }): boolean {
  return Math.abs(r.scaled_total - r.total) >= 1e-9;
}

function roundTotal(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

/** Moves item `from` one place up (-1) or down (+1), returning a new array. */
export function move<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  const next = list.slice();
  if (to < 0 || to >= list.length) return next;
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

export type Bar = {
  label: string;
  value: number;
  /** Left edge and width in chart units (0..width), around the zero line at width / 2. */
  x: number;
  w: number;
  y: number;
};

export type LeniencyChart = {
  bars: Bar[];
  /** The largest |difference| the half-width stands for. */
  scale: number;
  /** Assessors with a difference, before keeping the `max` furthest from zero. */
  of: number;
  width: number;
  height: number;
};

/**
 * A diverging bar chart of assessor leniency (mean of their score − the agreed score):
 * bars right of the centre are lenient, left severe. Keeps the `max` assessors furthest
 * from zero, most lenient first. The scale is at least ±1 point, so small differences look small.
 */
export function leniencyChart(
  leniency: readonly Wire<AssessorLeniency>[],
  { max = 20, width = 400, rowHeight = 22 } = {},
): LeniencyChart {
  const known = leniency.filter((l) => l.mean_difference != null) as (Wire<AssessorLeniency> & {
    mean_difference: number;
  })[];
  const kept = known
    .slice()
    .sort((a, b) => Math.abs(b.mean_difference) - Math.abs(a.mean_difference))
    .slice(0, max)
    .sort((a, b) => b.mean_difference - a.mean_difference);
  const scale = Math.max(1, ...kept.map((l) => Math.abs(l.mean_difference)));
  const half = width / 2;
  const bars = kept.map((l, i) => {
    const w = (Math.abs(l.mean_difference) / scale) * half;
    return {
      label: l.panel ? `${l.name} (${l.panel})` : l.name,
      value: l.mean_difference,
      x: l.mean_difference >= 0 ? half : half - w,
      w,
      y: i * rowHeight,
    };
  });
  return { bars, scale, of: known.length, width, height: bars.length * rowHeight };
}

/** A statistic to two decimals, or "not enough data". */
export function stat(value: number | null | undefined, digits = 2): string {
  return value == null || Number.isNaN(value) ? 'not enough data' : value.toFixed(digits);
}

/** "+0.40" / "−0.25": a signed difference as people read it. */
export function signed(value: number | null): string {
  if (value == null) return '—';
  const text = Math.abs(value).toFixed(2);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** A score as the results show it: "NA" when not assessed, "—" when not decided yet. */
function scoreWord(value: number | null, notAssessed: boolean): string {
  if (notAssessed) return 'NA';
  return value == null ? '—' : roundTotal(value);
}

/**
 * A criterion assessed in several exercises, compactly: each exercise's agreed or moderated
 * score in the scorecard's order, then the combination the total uses ("5 · 7 → 12").
 */
export function combinedCell(c: Wire<CombinedCriterion>): string {
  const parts = c.exercises.map((e) => scoreWord(e.value, e.not_assessed)).join(' · ');
  return `${parts} → ${scoreWord(c.value, c.not_assessed)}`;
}

/** The same, naming the exercises ("Interview 5 · Presentation 7 → 12"). */
export function combinedLine(c: Wire<CombinedCriterion>): string {
  const parts = c.exercises.map((e) => `${e.exercise_name} ${scoreWord(e.value, e.not_assessed)}`).join(' · ');
  return `${parts} → ${scoreWord(c.value, c.not_assessed)}`;
}
