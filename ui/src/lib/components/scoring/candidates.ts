/** Candidate lists (Scoring, Campaigns): finding one by reference or name, and what comes next. */

export interface Listed {
  id: number;
  reference: string;
  name: string;
}

/** Letters that carry no separable accent in Unicode, written as a user without them types. */
const PLAIN: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** `text` as compared in a search: lowercase, accents dropped ("Mairéad Ó Sé" → "mairead o se"),
 * so a name is found however it is typed. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłđðþßæœı]/g, (letter) => PLAIN[letter]);
}

/** A candidate as a search compares it: the folded reference, and the folded name's words. */
interface Folded {
  reference: string;
  words: string[];
}

/** Folded once per candidate object, not on every keystroke (2,000 names on Campaigns). */
const folded = new WeakMap<Listed, Folded>();

function foldedOf(c: Listed): Folded {
  let f = folded.get(c);
  if (!f) {
    f = { reference: foldForSearch(c.reference), words: foldForSearch(c.name).split(/[^\p{L}\p{N}]+/u).filter(Boolean) };
    folded.set(c, f);
  }
  return f;
}

/**
 * The candidates matching every word of `query`, in any case and with or without accents: a
 * word matches the reference anywhere in it ("457" finds C-0457) or the start of a word of the
 * name ("mac" finds Siobhán MacLeod, "o" finds Ó Sé but not every Siobhán). Used by the Scoring
 * screen's list and the Campaigns screen's.
 */
export function findCandidates<T extends Listed>(list: readonly T[], query: string): T[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return list.slice();
  return list.filter((c) => {
    const f = foldedOf(c);
    return words.every((w) => f.reference.includes(w) || f.words.some((nameWord) => nameWord.startsWith(w)));
  });
}

/**
 * The next candidate still to submit after `currentId`, in list order, wrapping round to the
 * start; `null` when every other candidate is submitted.
 */
export function nextToScore<T extends Listed>(list: readonly T[], currentId: number | null, submitted: (id: number) => boolean): T | null {
  const at = list.findIndex((c) => c.id === currentId);
  for (let step = 1; step <= list.length; step++) {
    const c = list[(at + step + list.length) % list.length];
    if (c.id !== currentId && !submitted(c.id)) return c;
  }
  return null;
}
