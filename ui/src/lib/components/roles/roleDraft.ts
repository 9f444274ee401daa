/**
 * Review edits on a role's criteria, as pure functions: each takes the list and returns a new
 * one, never changing its input. The core validates the result when it is saved; these only
 * rearrange what the user sees.
 */
import type { Criterion } from '../../bindings/Criterion';
import type { CriterionKind } from '../../bindings/CriterionKind';
import type { Role } from '../../bindings/Role';
import type { RoleDraft } from '../../bindings/RoleDraft';
import type { Wire } from '../../wire';

/** Kinds in the order the editor offers them, with the words it shows. */
export const KINDS: { value: CriterionKind; label: string }[] = [
  { value: 'behaviour', label: 'Behaviour' },
  { value: 'technical', label: 'Technical skill' },
  { value: 'sfia', label: 'SFIA skill' },
  { value: 'experience', label: 'Experience' },
  { value: 'strength', label: 'Strength' },
];

/** The words for a kind. */
export function kindLabel(kind: CriterionKind): string {
  return KINDS.find((k) => k.value === kind)?.label ?? kind;
}

function inRange<T>(list: T[], i: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < list.length;
}

function copy(c: Criterion): Criterion {
  return { ...c, indicators: [...c.indicators] };
}

/** A new, empty criterion of this kind (essential until the user says otherwise). */
export function blankCriterion(kind: CriterionKind = 'behaviour'): Criterion {
  return { kind, name: '', group: null, priority: 'essential', code: null, level: null, indicators: [] };
}

/** Moves the criterion at `from` to position `to` (both clamped to the list). */
export function moveCriterion(list: Criterion[], from: number, to: number): Criterion[] {
  if (!inRange(list, from)) return list.map(copy);
  const target = Math.max(0, Math.min(list.length - 1, to));
  const out = list.map(copy);
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}

/** Removes the criterion at `i`. */
export function deleteCriterion(list: Criterion[], i: number): Criterion[] {
  return list.filter((_, j) => j !== i).map(copy);
}

/** Adds `criterion` after position `after` (at the end when `after` is past it). */
export function insertCriterion(list: Criterion[], after: number, criterion: Criterion): Criterion[] {
  const out = list.map(copy);
  const at = Math.max(0, Math.min(list.length, after + 1));
  out.splice(at, 0, copy(criterion));
  return out;
}

/**
 * Merges the criterion at `from` into the one at `into`: `into` keeps its name and settings,
 * and gains `from`'s indicators after its own (a line both have is kept once). `from` goes.
 */
export function mergeCriteria(list: Criterion[], into: number, from: number): Criterion[] {
  if (!inRange(list, into) || !inRange(list, from) || into === from) return list.map(copy);
  const out = list.map(copy);
  const target = out[into];
  for (const line of out[from].indicators) {
    if (!target.indicators.includes(line)) target.indicators.push(line);
  }
  out.splice(from, 1);
  return out;
}

/**
 * Splits indicator `j` of criterion `i` into a criterion of its own, placed right after `i`
 * and named after the indicator. It keeps the kind, group and priority; a SFIA skill's code and
 * level belong to that skill, so a line split off one becomes a technical skill instead.
 */
export function splitIndicator(list: Criterion[], i: number, j: number): Criterion[] {
  if (!inRange(list, i) || !inRange(list[i].indicators, j)) return list.map(copy);
  const out = list.map(copy);
  const source = out[i];
  const [line] = source.indicators.splice(j, 1);
  const split: Criterion = {
    kind: source.kind === 'sfia' ? 'technical' : source.kind,
    name: line,
    group: source.group,
    priority: source.priority,
    code: null,
    level: null,
    indicators: [],
  };
  out.splice(i + 1, 0, split);
  return out;
}

/** Changes one criterion's fields. */
export function updateCriterion(list: Criterion[], i: number, patch: Partial<Criterion>): Criterion[] {
  return list.map((c, k) => (k === i ? { ...copy(c), ...patch } : copy(c)));
}

/** Appends an indicator line to criterion `i`. */
export function addIndicator(list: Criterion[], i: number, line = ''): Criterion[] {
  return list.map((c, k) => (k === i ? { ...copy(c), indicators: [...c.indicators, line] } : copy(c)));
}

/** Replaces indicator `j` of criterion `i`. */
export function editIndicator(list: Criterion[], i: number, j: number, line: string): Criterion[] {
  return list.map((c, k) =>
    k === i ? { ...copy(c), indicators: c.indicators.map((l, m) => (m === j ? line : l)) } : copy(c),
  );
}

/** Removes indicator `j` of criterion `i`. */
export function deleteIndicator(list: Criterion[], i: number, j: number): Criterion[] {
  return list.map((c, k) =>
    k === i ? { ...copy(c), indicators: c.indicators.filter((_, m) => m !== j) } : copy(c),
  );
}

/** Moves indicator `j` of criterion `i` to position `to` within it. */
export function moveIndicator(list: Criterion[], i: number, j: number, to: number): Criterion[] {
  if (!inRange(list, i) || !inRange(list[i].indicators, j)) return list.map(copy);
  const out = list.map(copy);
  const lines = out[i].indicators;
  const [line] = lines.splice(j, 1);
  lines.splice(Math.max(0, Math.min(lines.length, to)), 0, line);
  return out;
}

/** Text a user typed, as an optional field: trimmed, and empty means none. */
export function optionalText(value: string | null | undefined): string | null {
  const t = (value ?? '').trim();
  return t === '' ? null : t;
}

/**
 * The role to save from what the editor holds: text trimmed, empty optional fields as none,
 * and a SFIA code and level kept only on SFIA skills. Blank indicator lines are kept, so the
 * core can name them rather than the UI dropping them silently.
 */
export function toRole(role: Wire<Role>): Wire<Role> {
  return {
    title: role.title.trim(),
    grade: optionalText(role.grade),
    reference: optionalText(role.reference),
    source: role.source,
    criteria: role.criteria.map((c) => {
      const sfia = c.kind === 'sfia';
      return {
        kind: c.kind,
        name: c.name.trim(),
        group: optionalText(c.group),
        priority: c.priority,
        code: sfia ? optionalText(c.code)?.toUpperCase() ?? null : null,
        level: sfia ? c.level : null,
        indicators: c.indicators.map((l) => l.trim()),
      };
    }),
  };
}

/** The role part of an importer's draft (its warnings are shown, not saved). */
export function roleFromDraft(draft: Wire<RoleDraft>): Wire<Role> {
  return {
    title: draft.title,
    grade: draft.grade,
    reference: draft.reference,
    source: draft.source,
    criteria: draft.criteria.map(copy),
  };
}
