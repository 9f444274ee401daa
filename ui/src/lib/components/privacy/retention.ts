/** Words for a campaign's retention period, as the Retention panel shows it. */
import type { RetentionStatus } from '../../bindings/RetentionStatus';
import type { Wire } from '../../wire';

/** The longest period the core accepts (`store::retention::MAX_MONTHS`). */
export const MAX_MONTHS = 120;

/** "2028-12-01T14:22:40Z" → "1 December 2028" (UTC, as the core stores it). */
export function dayOf(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "24 months after sign-off", "1 month after creation". */
export function periodText(r: Wire<RetentionStatus>): string {
  return `${r.months} ${r.months === 1 ? 'month' : 'months'} after ${r.from}`;
}

/** Where the campaign stands: purged, due for purging, or keeping data until a day. */
export function standing(r: Wire<RetentionStatus>): { text: string; kind: 'purged' | 'due' | 'kept' } {
  if (r.purged_at) return { text: `Purged on ${dayOf(r.purged_at)}`, kind: 'purged' };
  if (r.past) return { text: `Period ended on ${dayOf(r.due)}: purge due`, kind: 'due' };
  return { text: `Kept until ${dayOf(r.due)}`, kind: 'kept' };
}

/**
 * The months typed in the period form, or why they cannot be sent. Only whole numbers cross
 * IPC (the core's i64); the core checks the range too and names it.
 */
export function parseMonths(text: string): { months: number } | { problem: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { problem: `enter a whole number of months, 1 to ${MAX_MONTHS}` };
  const months = Number(t);
  if (months < 1 || months > MAX_MONTHS) return { problem: `${months} is not between 1 and ${MAX_MONTHS} months` };
  return { months };
}
