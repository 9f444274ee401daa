import { describe, expect, it } from 'vitest';
import { FRESH_MS, ReadSlot, settled } from './readSlot';

describe('ReadSlot', () => {
  it('gives what it holds once, to exactly the key it was asked for', () => {
    let now = 100;
    const slot = new ReadSlot<string>(() => now);
    slot.hold('a', 'reads');
    now = 150;
    expect(slot.take('b'), 'another request').toBeNull();
    slot.hold('a', 'reads');
    expect(slot.take('a')).toEqual({ held: 'reads', askedAt: 150 });
    expect(slot.take('a'), 'taken once').toBeNull();
  });

  it('gives nothing once stale, or after it was cleared or replaced', () => {
    let now = 0;
    const slot = new ReadSlot<string>(() => now);
    slot.hold('a', 'old');
    now = FRESH_MS + 1;
    expect(slot.take('a')).toBeNull();
    slot.hold('a', 'x');
    slot.clear();
    expect(slot.take('a')).toBeNull();
    slot.hold('a', 'first');
    slot.hold('b', 'second');
    expect(slot.take('a')).toBeNull();
  });
});

describe('settled', () => {
  it('resolves when the reads fail as when they succeed', async () => {
    await expect(settled(Promise.reject(new Error('no')))).resolves.toBeUndefined();
    await expect(settled(Promise.resolve(3))).resolves.toBeUndefined();
  });
});
