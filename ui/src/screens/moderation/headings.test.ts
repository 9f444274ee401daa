import { describe, expect, it } from 'vitest';
import { abbreviate, shortHeadings } from './headings';

describe('board headings', () => {
  it('shortens a criterion to the initials of its main words', () => {
    expect(abbreviate('Seeing the Big Picture')).toBe('SBP');
    expect(abbreviate('Delivering at Pace')).toBe('DP');
    expect(abbreviate('Communicating and Influencing')).toBe('CI');
    expect(abbreviate('Developing Self and Others')).toBe('DSO');
  });

  it('keeps a short name whole and cuts a long single word', () => {
    expect(abbreviate('Leadership')).toBe('Leadership');
    expect(abbreviate('Resilience')).toBe('Resilience');
    expect(abbreviate('Stakeholdermanagement')).toBe('Stakehold.');
  });

  it('gives every column a different heading', () => {
    expect(shortHeadings(['Working Together', 'Winning Trust', 'Wide Thinking'])).toEqual(['WT', 'WT2', 'WT3']);
  });
});
