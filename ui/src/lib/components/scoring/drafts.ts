/**
 * A local copy of every score change until the core confirms it saved, so closing the window
 * (or a crash, or a save refused while offline from the database) never loses a note.
 * Kept in `localStorage`, keyed by database, campaign, candidate, assessor and criterion.
 */

import type { IndicatorMark } from '../../bindings/IndicatorMark';

/** What the assessor entered for one criterion (the fields of a ScoreInput they control). */
export interface ScoreDraft {
  value: number | null;
  not_assessed: boolean;
  evidence: string;
  indicators: IndicatorMark[];
}

export interface DraftKey {
  database: string;
  campaignId: number;
  candidateId: number;
  assessorId: number;
  criterionKey: string;
}

/** The part of `Storage` the drafts use. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'panelmark.score-draft.v1';

export function draftStorageKey(k: DraftKey): string {
  return [PREFIX, k.database, k.campaignId, k.candidateId, k.assessorId, k.criterionKey]
    .map((part) => encodeURIComponent(String(part)))
    .join('|');
}

export function sameDraft(a: ScoreDraft, b: ScoreDraft): boolean {
  return (
    a.value === b.value &&
    a.not_assessed === b.not_assessed &&
    a.evidence === b.evidence &&
    a.indicators.length === b.indicators.length &&
    a.indicators.every((m, i) => m === b.indicators[i])
  );
}

function isDraft(v: unknown): v is ScoreDraft {
  if (!v || typeof v !== 'object') return false;
  const d = v as Record<string, unknown>;
  return (
    (d.value === null || typeof d.value === 'number') &&
    typeof d.not_assessed === 'boolean' &&
    typeof d.evidence === 'string' &&
    Array.isArray(d.indicators) &&
    d.indicators.every((m) => m === 'unmarked' || m === 'shown' || m === 'not_shown' || m === 'negative')
  );
}

export function createDraftStore(storage: DraftStorage | null) {
  return {
    /** Keeps `draft` until `confirm` is called with the same value. Never throws. */
    put(key: DraftKey, draft: ScoreDraft): void {
      try {
        storage?.setItem(draftStorageKey(key), JSON.stringify(draft));
      } catch {
        // Storage full or unavailable: the server save still runs; nothing else to do.
      }
    },
    get(key: DraftKey): ScoreDraft | null {
      try {
        const raw = storage?.getItem(draftStorageKey(key));
        if (!raw) return null;
        const parsed: unknown = JSON.parse(raw);
        return isDraft(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    /** The server saved `saved`: drop the local copy, unless it has changed since. */
    confirm(key: DraftKey, saved: ScoreDraft): void {
      const local = this.get(key);
      if (local && sameDraft(local, saved)) this.remove(key);
    },
    remove(key: DraftKey): void {
      try {
        storage?.removeItem(draftStorageKey(key));
      } catch {
        // nothing to do
      }
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
