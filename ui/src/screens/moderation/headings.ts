/**
 * The board's column headings, one line each: a criterion's initials ("Seeing the Big
 * Picture" → "SBP") so the headings take one line and the first row sits high on the screen.
 * The full name (and pass mark) stays in the heading for screen readers and in its tooltip.
 */

/** Words left out of an abbreviation ("Delivering at Pace" → "DP"). */
const MINOR = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', '&']);

/** A name this long or shorter is shown whole ("Leadership"). */
const WHOLE = 10;

/** A short heading for one name: whole if short, else the initials of its main words. */
export function abbreviate(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= WHOLE) return trimmed;
  const words = trimmed.split(/[\s/-]+/).filter((w) => w && !MINOR.has(w.toLowerCase()));
  if (words.length < 2) return `${trimmed.slice(0, WHOLE - 1)}.`;
  return words.map((w) => w[0].toUpperCase()).join('');
}

/** Short headings for a board's columns, each different ("WT", "WT2" when two criteria share
 * their initials). */
export function shortHeadings(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const short = abbreviate(name);
    const n = (seen.get(short) ?? 0) + 1;
    seen.set(short, n);
    return n === 1 ? short : `${short}${n}`;
  });
}
