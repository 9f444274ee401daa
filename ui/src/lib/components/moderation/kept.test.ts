import { describe, expect, it } from 'vitest';
import { Kept, same } from './kept';

const settings = { spread_threshold: 2, panel_mean_threshold: 0.5 };

describe('Kept', () => {
  it('keeps reads for one database and user, and forgets them for another', () => {
    const kept = new Kept().within('a.db\nhelen');
    kept.keepFlagSettings(7, settings);
    kept.keepSignoffs(7, 'signed_off', [{ action: 'sign_off', moderator: 'Helen', at: '2026-12-01T10:00:00Z', reason: null }]);
    expect(kept.within('a.db\nhelen').flagSettings(7)).toEqual(settings);
    expect(kept.signoffs(7, 'signed_off')).toHaveLength(1);
    expect(kept.signoffs(7, 'moderation'), 'a state change means the history changed').toBeNull();
    expect(kept.within('a.db\nbo').flagSettings(7), 'another user').toBeNull();
    expect(kept.within('a.db\nhelen').flagSettings(7), 'not brought back').toBeNull();
  });

  it('tells a value read again that holds the same data', () => {
    expect(same(settings, { ...settings })).toBe(true);
    expect(same(settings, { ...settings, spread_threshold: 3 })).toBe(false);
    expect(same(null, settings)).toBe(false);
  });
});
