/** The scoring screen's candidate list: finding one by reference or name, and what comes next. */

export interface Listed {
  id: number;
  reference: string;
  name: string;
}

/** The candidates whose reference or name contains every word of `query` (any case). */
export function findCandidates<T extends Listed>(list: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return list.slice();
  return list.filter((c) => {
    const text = `${c.reference} ${c.name}`.toLowerCase();
    return words.every((w) => text.includes(w));
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
