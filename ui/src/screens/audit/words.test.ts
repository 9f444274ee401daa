import { describe, expect, it } from 'vitest';
import { ACTIONS, actionWords, entityWords } from './words';

describe('audit words', () => {
  it('names an entity key with the names the user knows', () => {
    const names = {
      campaigns: new Map([[1, 'E2E campaign']]),
      candidates: new Map([[2, 'C-002']]),
      criteria: new Map([['c10', 'Working Together']]),
    };
    expect(entityWords('campaign/1/candidate/2/criterion/c10', names)).toBe(
      'Campaign “E2E campaign” › candidate C-002 › criterion “Working Together”',
    );
  });

  it('falls back to ids where no name is known, never to the raw key', () => {
    expect(entityWords('campaign/3/candidate/9/assessor/4')).toBe('Campaign 3 › candidate 9 › person 4');
    expect(entityWords('scorecard/2/version/3', { scorecards: new Map([[2, 'SEO card']]) })).toBe('Scorecard “SEO card” › version 3');
  });

  it('says each action in words, and keeps an unknown one as it is', () => {
    expect(actionWords('moderation.set')).toBe('Score moderated');
    expect(actionWords('future.thing')).toBe('future.thing');
    expect(new Set(ACTIONS.map((a) => a.action)).size).toBe(ACTIONS.length);
  });
});
