import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../bindings/Criterion';
import {
  addIndicator,
  blankCriterion,
  deleteCriterion,
  deleteIndicator,
  editIndicator,
  insertCriterion,
  mergeCriteria,
  moveCriterion,
  moveIndicator,
  roleFromDraft,
  splitIndicator,
  toRole,
  updateCriterion,
} from './roleDraft';

function c(name: string, indicators: string[] = [], extra: Partial<Criterion> = {}): Criterion {
  return { ...blankCriterion('behaviour'), name, indicators, ...extra };
}

const names = (list: Criterion[]) => list.map((x) => x.name);

describe('moving criteria', () => {
  const list = [c('A'), c('B'), c('C')];

  it('moves down and up, and clamps at the ends', () => {
    expect(names(moveCriterion(list, 0, 1))).toEqual(['B', 'A', 'C']);
    expect(names(moveCriterion(list, 2, 0))).toEqual(['C', 'A', 'B']);
    expect(names(moveCriterion(list, 2, 3))).toEqual(['A', 'B', 'C']);
    expect(names(moveCriterion(list, 0, -1))).toEqual(['A', 'B', 'C']);
  });

  it('never changes the list it was given', () => {
    moveCriterion(list, 0, 2);
    expect(names(list)).toEqual(['A', 'B', 'C']);
  });
});

describe('merging criteria', () => {
  it('keeps the target’s name and settings and appends the other’s indicators', () => {
    const list = [
      c('Working Together', ['Builds relationships', 'Shares knowledge'], { priority: 'essential' }),
      c('Team work', ['Shares knowledge', 'Supports colleagues'], { priority: 'desirable' }),
      c('Delivering at Pace'),
    ];
    const merged = mergeCriteria(list, 0, 1);
    expect(names(merged)).toEqual(['Working Together', 'Delivering at Pace']);
    // a line both had is kept once, and the order is the target's then the other's
    expect(merged[0].indicators).toEqual(['Builds relationships', 'Shares knowledge', 'Supports colleagues']);
    expect(merged[0].priority).toBe('essential');
    expect(list[0].indicators).toHaveLength(2);
  });

  it('can merge a later criterion into an earlier one and the other way round', () => {
    const list = [c('A', ['a']), c('B', ['b']), c('C', ['c'])];
    const up = mergeCriteria(list, 2, 0);
    expect(names(up)).toEqual(['B', 'C']);
    expect(up[1].indicators).toEqual(['c', 'a']);
  });

  it('ignores a merge of a criterion with itself or out of range', () => {
    const list = [c('A', ['a'])];
    expect(mergeCriteria(list, 0, 0)).toEqual(list);
    expect(mergeCriteria(list, 0, 5)).toEqual(list);
  });
});

describe('splitting criteria', () => {
  it('makes one indicator a criterion of its own right after, with the same kind, group and priority', () => {
    const list = [
      c('Leadership', ['Sets direction', 'Coaches colleagues'], { group: 'Leading', priority: 'desirable' }),
      c('Other'),
    ];
    const out = splitIndicator(list, 0, 1);
    expect(names(out)).toEqual(['Leadership', 'Coaches colleagues', 'Other']);
    expect(out[0].indicators).toEqual(['Sets direction']);
    expect(out[1]).toMatchObject({ kind: 'behaviour', group: 'Leading', priority: 'desirable', indicators: [] });
  });

  it('does not carry a SFIA code and level to a line split off a SFIA skill', () => {
    const list = [c('Systems Design', ['Designs APIs'], { kind: 'sfia', code: 'DESN', level: 4 })];
    const out = splitIndicator(list, 0, 0);
    expect(out[1]).toMatchObject({ kind: 'technical', code: null, level: null });
    expect(out[0]).toMatchObject({ code: 'DESN', level: 4, indicators: [] });
  });
});

describe('editing criteria and indicators', () => {
  it('deletes, inserts and updates criteria', () => {
    const list = [c('A'), c('B')];
    expect(names(deleteCriterion(list, 0))).toEqual(['B']);
    expect(names(insertCriterion(list, 0, c('New')))).toEqual(['A', 'New', 'B']);
    expect(names(insertCriterion(list, 99, c('End')))).toEqual(['A', 'B', 'End']);
    const updated = updateCriterion(list, 1, { priority: 'desirable', name: 'B2' });
    expect(updated[1]).toMatchObject({ name: 'B2', priority: 'desirable' });
    expect(list[1].name).toBe('B');
  });

  it('adds, edits, moves and deletes indicators of one criterion only', () => {
    const list = [c('A', ['one']), c('B', ['x'])];
    let out = addIndicator(list, 0, 'two');
    out = editIndicator(out, 0, 0, 'first');
    expect(out[0].indicators).toEqual(['first', 'two']);
    expect(out[1].indicators).toEqual(['x']);
    out = moveIndicator(out, 0, 1, 0);
    expect(out[0].indicators).toEqual(['two', 'first']);
    out = deleteIndicator(out, 0, 0);
    expect(out[0].indicators).toEqual(['first']);
    expect(list[0].indicators).toEqual(['one']);
  });
});

describe('the role to save', () => {
  it('trims text, turns empty optional fields into none and keeps SFIA fields only on SFIA skills', () => {
    const role = toRole({
      title: '  Platform Engineer ',
      grade: '  ',
      reference: ' PM-1 ',
      source: { name: 'jd.md', sha256: 'ab' },
      criteria: [
        c(' Observability ', [' Builds dashboards '], { kind: 'technical', code: 'DESN', level: 3, group: '' }),
        c('Systems Design', [], { kind: 'sfia', code: ' desn ', level: 4, group: 'SFIA skills' }),
      ],
    });
    expect(role).toMatchObject({ title: 'Platform Engineer', grade: null, reference: 'PM-1' });
    expect(role.source).toEqual({ name: 'jd.md', sha256: 'ab' });
    expect(role.criteria[0]).toMatchObject({ name: 'Observability', group: null, code: null, level: null, indicators: ['Builds dashboards'] });
    expect(role.criteria[1]).toMatchObject({ code: 'DESN', level: 4, group: 'SFIA skills' });
  });

  it('keeps a SFIA skill without a level as it is, for the core to refuse with its own message', () => {
    const role = toRole({ title: 'T', grade: null, reference: null, source: null, criteria: [c('S', [], { kind: 'sfia', code: 'X', level: null })] });
    expect(role.criteria[0]).toMatchObject({ code: 'X', level: null });
  });

  it('leaves the importer’s warnings out of the role', () => {
    const role = roleFromDraft({ warnings: ['line 3: ?'], title: 'T', grade: null, reference: null, source: null, criteria: [c('A')] });
    expect(role).not.toHaveProperty('warnings');
    expect(names(role.criteria)).toEqual(['A']);
  });
});
