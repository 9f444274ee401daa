import { describe, expect, it } from 'vitest';
import { draftFromScore, isDecided, toInput, valueText } from './entries';

describe('entries', () => {
  it('starts a criterion with every indicator unmarked', () => {
    expect(draftFromScore(undefined, 2)).toEqual({
      value: null,
      not_assessed: false,
      evidence: '',
      indicators: ['unmarked', 'unmarked'],
    });
  });

  it('reads a stored score, filling marks the core has not stored', () => {
    const stored = {
      candidate_id: 1, assessor_id: 2, criterion_key: 'c1', value: 6, not_assessed: false,
      evidence: 'Led the migration', indicators: ['shown' as const], status: 'draft' as const,
      created_at: '', updated_at: '', submitted_at: null,
    };
    expect(draftFromScore(stored, 3).indicators).toEqual(['shown', 'unmarked', 'unmarked']);
    expect(draftFromScore(stored, 3).value).toBe(6);
  });

  it('knows when a criterion is decided and how to say it', () => {
    const base = { value: null, not_assessed: false, evidence: '', indicators: [] };
    expect(isDecided(base)).toBe(false);
    expect(isDecided({ ...base, value: 1 })).toBe(true);
    expect(isDecided({ ...base, not_assessed: true })).toBe(true);
    expect(valueText(base)).toBe('—');
    expect(valueText({ value: 4, not_assessed: false })).toBe('4');
    expect(valueText({ value: null, not_assessed: true })).toBe('Not assessed');
  });

  it('builds the core input without sharing the marks array', () => {
    const d = { value: 3, not_assessed: false, evidence: 'x', indicators: ['negative' as const] };
    const input = toInput(7, 8, 'c2', d);
    expect(input).toMatchObject({ candidate_id: 7, assessor_id: 8, criterion_key: 'c2', value: 3 });
    expect(input.indicators).not.toBe(d.indicators);
  });
});
