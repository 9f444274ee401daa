import { describe, expect, it } from 'vitest';
import { checklist } from './checklist';

describe('first-run checklist', () => {
  it('starts with nothing done, in the order a new user works', () => {
    const steps = checklist({ roles: 0, scorecards: 0, campaigns: 0 });
    expect(steps.map((s) => s.title)).toEqual(['1. Import or create a role', '2. Build a scorecard', '3. Set up a campaign']);
    expect(steps.every((s) => !s.done)).toBe(true);
  });

  it('ticks each step the database already has', () => {
    expect(checklist({ roles: 2, scorecards: 1, campaigns: 0 }).map((s) => s.done)).toEqual([true, true, false]);
  });
});
