import { describe, expect, it } from 'vitest';
import { describePerson, exerciseLabel, stateLabel, suggestLogin } from './labels';

describe('labels', () => {
  const panels = [{ id: 4, campaign_id: 1, name: 'Panel A' }];
  it('describes a person by role and panel', () => {
    expect(describePerson({ id: 1, campaign_id: 1, name: 'Alex Chair', role: 'chair', panel_id: 4, login: 'alex', exercise: null }, panels)).toBe(
      'Alex Chair — panel chair, Panel A',
    );
    expect(describePerson({ id: 2, campaign_id: 1, name: 'Mo Moderator', role: 'moderator', panel_id: null, login: 'mo', exercise: null }, panels)).toBe(
      'Mo Moderator — moderator',
    );
  });
  it('names states in plain words', () => {
    expect(stateLabel('signed_off')).toBe('Signed off');
    expect(stateLabel('setup')).toBe('Setting up');
  });
  it('suggests a login from a name as the core derives one', () => {
    expect(suggestLogin('Zoë Łukasiewicz-Smith')).toBe('zoe.ukasiewicz.smith');
    expect(suggestLogin("  Helen Marsh (HR) ")).toBe('helen.marsh.hr');
    expect(suggestLogin('42 Street')).toBe('u.42.street');
    expect(suggestLogin('')).toBe('');
  });
  it('names the exercise an assessor scores, all of them when none is chosen', () => {
    const exercises = [{ key: 'e1', name: 'Interview' }, { key: 'e2', name: 'Presentation' }];
    expect(exerciseLabel(exercises, null)).toBe('all exercises');
    expect(exerciseLabel(exercises, 'e2')).toBe('Presentation');
    expect(exerciseLabel(exercises, 'e9')).toBe('exercise e9');
  });
});
