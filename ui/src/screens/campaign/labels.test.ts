import { describe, expect, it } from 'vitest';
import { describePerson, stateLabel } from './labels';

describe('labels', () => {
  const panels = [{ id: 4, campaign_id: 1, name: 'Panel A' }];
  it('describes a person by role and panel', () => {
    expect(describePerson({ id: 1, campaign_id: 1, name: 'Alex Chair', role: 'chair', panel_id: 4 }, panels)).toBe(
      'Alex Chair — panel chair, Panel A',
    );
    expect(describePerson({ id: 2, campaign_id: 1, name: 'Mo Moderator', role: 'moderator', panel_id: null }, panels)).toBe(
      'Mo Moderator — moderator',
    );
  });
  it('names states in plain words', () => {
    expect(stateLabel('signed_off')).toBe('Signed off');
    expect(stateLabel('setup')).toBe('Setting up');
  });
});
