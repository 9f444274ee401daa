import { describe, expect, it } from 'vitest';
import type { FlagKind } from '../../lib/bindings/FlagKind';
import { FLAG_KINDS } from './board';
import { bySeverity, needsAttention, SEVERITY, worstSeverity } from './severity';

const flag = (kind: FlagKind, reason: string = kind) => ({ kind, reason });

describe('flag severity', () => {
  it('ranks every kind the core raises', () => {
    for (const { kind } of FLAG_KINDS) expect(SEVERITY[kind]).toMatch(/^(high|medium|low)$/);
  });

  it('does not treat a pass-mark split like an agreed score outside the members’ range', () => {
    expect(needsAttention([flag('pass_mark_split')])).toBe(false);
    expect(needsAttention([flag('agreed_outside_range')])).toBe(true);
    expect(worstSeverity([flag('pass_mark_split'), flag('wide_spread')])).toBe('medium');
    expect(worstSeverity([])).toBeNull();
  });

  it('puts the most severe first and keeps the order within a severity', () => {
    const sorted = bySeverity([
      flag('pass_mark_split', 'a'),
      flag('wide_spread', 'b'),
      flag('unscored', 'c'),
      flag('no_evidence', 'd'),
      flag('agreed_outside_range', 'e'),
    ]);
    expect(sorted.map((f) => f.reason)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });
});
