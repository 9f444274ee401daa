import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS, SERVER_ACTIONS, aboutLines, actionWords, actionsOf, criterionNames, entityWords } from './words';

describe('audit words', () => {
  it('names an entity key with the names the user knows', () => {
    const names = {
      campaigns: new Map([[1, 'E2E campaign']]),
      candidates: new Map([[2, 'C-002']]),
      criteria: new Map([[1, new Map([['c10', 'Working Together']])]]),
    };
    expect(entityWords('campaign/1/candidate/2/criterion/c10', names)).toBe(
      'Campaign “E2E campaign” › candidate C-002 › criterion “Working Together”',
    );
  });

  it('names a criterion by the campaign it is in: the same key is another criterion elsewhere', () => {
    const names = {
      criteria: new Map([
        [1, new Map([['c1', 'Working Together']])],
        [2, new Map([['c1', 'Systems Design']])],
      ]),
    };
    expect(entityWords('campaign/2/candidate/5/criterion/c1', names)).toBe(
      'Campaign 2 › candidate 5 › criterion “Systems Design”',
    );
    expect(entityWords('campaign/3/candidate/5/criterion/c1', names)).toBe('Campaign 3 › candidate 5 › criterion c1');
    const subject = { campaign_id: 2, candidate_id: 5, assessor_id: 1 };
    expect(entityWords('scores/5/1/c1', names, subject)).toBe(
      'Campaign 2 › candidate 5 › person 1 › score of criterion “Systems Design”',
    );
  });

  it('reads criterion names from a campaign as built and as scored, exercise by exercise', () => {
    const entry = (key: string, name: string) => ({ key, criterion: { name } });
    const names = criterionNames({
      scorecard: { criteria: [entry('c1', 'Working Together')] },
      assessed: { criteria: [entry('c1@e1', 'Working Together (Interview)'), entry('c1@e2', 'Working Together (Presentation)')] },
    });
    expect(names.get('c1')).toBe('Working Together');
    expect(names.get('c1@e2')).toBe('Working Together (Presentation)');
  });

  it('falls back to ids where no name is known, never to the raw key', () => {
    expect(entityWords('campaign/3/candidate/9/assessor/4')).toBe('Campaign 3 › candidate 9 › person 4');
    expect(entityWords('scorecard/2/version/3', { scorecards: new Map([[2, 'SEO card']]) })).toBe('Scorecard “SEO card” › version 3');
  });

  it('says each action in words, and keeps an unknown one as it is', () => {
    expect(actionWords('moderation.set')).toBe('Score moderated');
    expect(actionWords('future.thing')).toBe('future.thing');
  });

  it('has words for every action the core records, the sign-off anchor and user and conflict events among them', () => {
    expect(actionWords('anchor.recorded')).toBe('Position of the log recorded (at sign-off or an import)');
    expect(actionWords('conflict.confirm_none')).toBe('No conflict of interest confirmed');
    expect(actionWords('user.create')).toBe('User added');
    expect(ACTIONS).toHaveLength(28);
    for (const { action, words } of ACTIONS) expect(words).not.toBe(action);
    // The filter lists them in the core's order: set-up first, then scoring, then the anchor.
    expect(ACTIONS[0].action).toBe('user.create');
    expect(ACTIONS.at(-1)?.action).toBe('anchor.recorded');
  });

  it('reads a shared database’s entity (a table and its key) through the ids the event is about', () => {
    const names = {
      campaigns: new Map([[1, 'E2E campaign']]),
      criteria: new Map([[1, new Map([['c1', 'Working Together']])]]),
    };
    const subject = { campaign_id: 1, candidate_id: 17, assessor_id: 2 };
    expect(entityWords('scores/17/2/c1', names, subject)).toBe(
      'Campaign “E2E campaign” › candidate 17 › person 2 › score of criterion “Working Together”',
    );
    expect(entityWords('candidates/17', names, { ...subject, assessor_id: null })).toBe(
      'Campaign “E2E campaign” › candidate 17',
    );
    expect(entityWords('campaigns/1', names, { campaign_id: 1, candidate_id: null, assessor_id: null })).toBe(
      'Campaign “E2E campaign”',
    );
    expect(entityWords('panels/5', names, { campaign_id: 1, candidate_id: null, assessor_id: null })).toBe(
      'Campaign “E2E campaign” › panel 5',
    );
    // A local entity keeps its own reading whatever the subject says.
    expect(entityWords('campaign/1/candidate/2', names, subject)).toBe('Campaign “E2E campaign” › candidate 2');
  });

  it('says a shared database’s actions in words and offers them as the filter there', () => {
    expect(actionWords('scores.submit')).toBe('Scores submitted');
    expect(actionWords('moderations.insert')).toBe('Score moderated');
    expect(actionWords('candidate_exercise_panels.delete')).toBe('Candidate placed before a panel for an exercise');
    expect(actionsOf(true)).toBe(SERVER_ACTIONS);
    expect(actionsOf(false)).toBe(ACTIONS);
    expect(new Set(SERVER_ACTIONS.map((a) => a.action)).size).toBe(SERVER_ACTIONS.length);
  });
});

describe('a shared database’s actions', () => {
  // The tables whose rows the server's audit trigger records, read from its migrations: each
  // event's action is the table and the operation ("scores.update").
  const migrations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../src/store/postgres/migrations');
  const sql = readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => readFileSync(path.join(migrations, f), 'utf8'))
    .join('\n');
  const audited = [...new Set([...sql.matchAll(/CREATE TRIGGER audit\s+AFTER[^;]*?\sON\s+(\w+)/g)].map((m) => m[1]))];

  it('has words for every insert and change the audit trigger records, and for the one delete the app makes', () => {
    expect(audited).toContain('scores');
    expect(audited.length).toBeGreaterThanOrEqual(16);
    const actions = [...audited.flatMap((t) => [`${t}.insert`, `${t}.update`]), 'candidate_exercise_panels.delete'];
    expect(actions.filter((a) => actionWords(a) === a)).toEqual([]);
  });
});

describe('aboutLines', () => {
  it('puts what the event is about on a line of its own, under what it belongs to', () => {
    expect(aboutLines('Campaign “Platform Reliability Engineer” › candidate C-0074 › criterion “Delivery”')).toEqual({
      outer: 'Campaign “Platform Reliability Engineer” › ',
      inner: 'candidate C-0074 ›',
      last: 'criterion “Delivery”',
    });
    expect(aboutLines('Campaign “E2E” › candidate C-017 › person 2 › score of criterion “Working Together”')).toEqual({
      outer: 'Campaign “E2E” › ',
      inner: 'candidate C-017 › person 2 ›',
      last: 'score of criterion “Working Together”',
    });
    expect(aboutLines('Campaign “E2E” › candidate C-017')).toEqual({ outer: 'Campaign “E2E” ›', inner: '', last: 'candidate C-017' });
    expect(aboutLines('Role “Analyst”')).toEqual({ outer: '', inner: '', last: 'Role “Analyst”' });
  });
});
