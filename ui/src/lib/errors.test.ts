import { describe, expect, it } from 'vitest';
import { explain, fieldWords } from './errors';

describe('explain', () => {
  it('turns a raw file error into what happened and what to do', () => {
    expect(explain({ code: 'io', message: '/home/hr/roles/missing.json: No such file or directory (os error 2)' })).toBe(
      'Panelmark could not use the file “/home/hr/roles/missing.json”: it does not exist. Check the name and folder, then try again.',
    );
  });

  it('says plainly what a cancel left', () => {
    expect(explain({ code: 'cancelled', message: 'cancelled: nothing was imported from late.csv' })).toBe(
      'Cancelled: nothing was imported from late.csv.',
    );
  });

  it('names a field in plain words, keeping the core’s reason', () => {
    expect(explain({ code: 'invalid', message: 'moderation.reason: a reason is required when the moderated score differs' })).toBe(
      'Check the reason for the change: a reason is required when the moderated score differs.',
    );
    expect(fieldWords('criteria[2].pass_mark')).toBe('the pass mark');
    expect(fieldWords('criteria[2].kind')).toBe('the criterion 3 kind');
    expect(fieldWords('questions[0]')).toBe('the question 1');
  });

  it('says what a campaign state allows', () => {
    expect(explain({ code: 'wrong_state', message: 'campaign 1 is moderation: saving a score is not allowed (allowed when scoring)' })).toBe(
      'This cannot be done while the campaign is in moderation: saving a score is possible only when it is scoring.',
    );
    expect(explain({ code: 'locked', message: 'campaign 1 is signed off and locked: a moderator must reopen it, with a reason, before changing a score' })).toBe(
      'The results are signed off and locked. A moderator must reopen them on the Moderation screen, with a reason, before changing a score.',
    );
  });

  it('keeps an import’s file and line, and says nothing was changed', () => {
    const text = explain({ code: 'import', message: 'role-invalid.json: does not match the role schema at /criteria/0/kind' });
    expect(text).toContain('nothing was changed');
    expect(text).toContain('role-invalid.json: does not match the role schema at /criteria/0/kind');
  });

  it('keeps the shell’s own sentences and never returns nothing', () => {
    const msg = 'No database is open. Open or create one on the Start screen.';
    expect(explain({ code: 'no_database', message: msg })).toBe(msg);
    expect(explain({ code: 'not_found', message: 'role 7 not found' })).toBe(
      'The role 7 no longer exists or was never saved. Reload the screen, or choose another role.',
    );
    expect(explain({ code: 'forbidden', message: 'not permitted: Mo is not a moderator of this campaign' })).toBe(
      'You are not permitted to do this: Mo is not a moderator of this campaign. Check who you are working as on the Start screen.',
    );
    expect(explain({ code: 'conflict', message: 'add at least one candidate before scoring starts' })).toBe(
      'Not done: add at least one candidate before scoring starts.',
    );
  });
});
