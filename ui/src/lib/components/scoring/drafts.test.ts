import { describe, expect, it } from 'vitest';
import { createDraftStore, draftStorageKey, type DraftKey, type ScoreDraft } from './drafts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const key: DraftKey = {
  database: '/tmp/a.db',
  campaignId: 1,
  candidateId: 2,
  assessorId: 3,
  criterionKey: 'c1',
};
const draft: ScoreDraft = { value: 5, not_assessed: false, evidence: 'Gave a clear example', indicators: ['shown'] };

describe('draft store', () => {
  it('keeps a draft until the server confirms that same value', () => {
    const storage = memoryStorage();
    const drafts = createDraftStore(storage);
    drafts.put(key, draft);
    expect(drafts.get(key)).toEqual(draft);
    drafts.confirm(key, { ...draft, evidence: 'an older value' });
    expect(drafts.get(key)).toEqual(draft); // a newer local edit is never dropped
    drafts.confirm(key, { ...draft, indicators: ['shown'] });
    expect(drafts.get(key)).toBeNull();
  });

  it('separates databases, campaigns, candidates, assessors and criteria', () => {
    const drafts = createDraftStore(memoryStorage());
    drafts.put(key, draft);
    for (const other of [
      { ...key, database: '/tmp/b.db' },
      { ...key, campaignId: 9 },
      { ...key, candidateId: 9 },
      { ...key, assessorId: 9 },
      { ...key, criterionKey: 'c2' },
    ]) {
      expect(drafts.get(other)).toBeNull();
      expect(draftStorageKey(other)).not.toBe(draftStorageKey(key));
    }
  });

  it('ignores a corrupt or foreign entry instead of failing', () => {
    const storage = memoryStorage();
    const drafts = createDraftStore(storage);
    storage.setItem(draftStorageKey(key), '{not json');
    expect(drafts.get(key)).toBeNull();
    storage.setItem(draftStorageKey(key), JSON.stringify({ value: 'five' }));
    expect(drafts.get(key)).toBeNull();
  });

  it('survives storage that throws (full or disabled)', () => {
    const drafts = createDraftStore({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => drafts.put(key, draft)).not.toThrow();
    expect(drafts.get(key)).toBeNull();
    expect(() => drafts.remove(key)).not.toThrow();
  });
});
