import { describe, expect, it } from 'vitest';
import { dayOf, parseMonths, periodText, standing } from './retention';

const row = (over: Partial<Parameters<typeof standing>[0]> = {}) => ({
  campaign_id: 3,
  name: 'DevOps SEO',
  months: 24,
  from: 'sign-off' as const,
  due: '2028-12-01T14:22:40Z',
  past: false,
  purged_at: null,
  ...over,
});

describe('retention words', () => {
  it('names the day in UTC, and leaves an unreadable time as it is', () => {
    expect(dayOf('2028-12-01T23:30:00Z')).toBe('1 December 2028');
    expect(dayOf('not a time')).toBe('not a time');
  });

  it('says how long and from what', () => {
    expect(periodText(row())).toBe('24 months after sign-off');
    expect(periodText(row({ months: 1, from: 'creation' }))).toBe('1 month after creation');
  });

  it('tells purged, due and kept apart', () => {
    expect(standing(row())).toEqual({ text: 'Kept until 1 December 2028', kind: 'kept' });
    expect(standing(row({ past: true }))).toEqual({ text: 'Period ended on 1 December 2028: purge due', kind: 'due' });
    expect(standing(row({ past: true, purged_at: '2029-01-05T09:00:00Z' }))).toEqual({
      text: 'Purged on 5 January 2029',
      kind: 'purged',
    });
  });

  it('accepts whole months from 1 to 120 only', () => {
    expect(parseMonths(' 36 ')).toEqual({ months: 36 });
    expect(parseMonths('120')).toEqual({ months: 120 });
    expect(parseMonths('0')).toEqual({ problem: '0 is not between 1 and 120 months' });
    expect(parseMonths('121')).toEqual({ problem: '121 is not between 1 and 120 months' });
    expect(parseMonths('2.5')).toEqual({ problem: 'enter a whole number of months, 1 to 120' });
    expect(parseMonths('')).toEqual({ problem: 'enter a whole number of months, 1 to 120' });
  });
});
