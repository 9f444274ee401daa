import { describe, expect, it } from 'vitest';
import { combinedCell, combinedLine, leniencyChart, move, signed, stat, tieNote, tiesToShow, shortTotal, totalLabel } from './view';

describe('tieNote', () => {
  it('says "tied" once, whatever the core’s note begins with', () => {
    expect(tieNote({ tied: true, tie_note: 'tied: equal total and tie-break, not separated' })).toBe(
      'Tied: equal total and tie-break, not separated',
    );
    expect(tieNote({ tied: true, tie_note: null })).toBe('Tied');
    expect(tieNote({ tied: false, tie_note: "equal total separated by the tie-break criterion 'X'" })).toBe(
      "Equal total separated by the tie-break criterion 'X'",
    );
    expect(tieNote({ tied: false, tie_note: null })).toBe('');
  });

  it('names a tie across the last post as such, once', () => {
    expect(
      tieNote({
        tied: true,
        boundary_tie: true,
        tie_note: 'tied for the last post: 2 candidates share position 7 for 1 remaining post(s) of 7',
      }),
    ).toBe('Tied for the last post: 2 candidates share position 7 for 1 remaining post(s) of 7');
  });
});

describe('totalLabel', () => {
  it('shows the scaled total the merit order uses, and what it was scaled from', () => {
    expect(totalLabel({ total: 18, scaled_total: 18 })).toBe('18');
    // 3 criteria of weight 1, one not assessed: 12 on the other two, scaled by 3 / 2.
    expect(totalLabel({ total: 12, scaled_total: 18 })).toBe('18 (scaled from 12)');
    expect(totalLabel({ total: 10.5, scaled_total: 14 })).toBe('14 (scaled from 10.50)');
    expect(shortTotal({ total: 12, scaled_total: 18 })).toBe('18*');
    expect(shortTotal({ total: 18, scaled_total: 18 })).toBe('18');
  });
});

describe('tiesToShow', () => {
  const tie = (position: number, boundary = false) => ({ position, boundary });
  it('shows the first few tied positions and every tie across the last post', () => {
    const ties = [tie(2), tie(5), tie(9), tie(14, true), tie(20)];
    expect(tiesToShow(ties, 2).map((g) => g.position)).toEqual([2, 5, 14]);
  });
  it('shows them all when there are few', () => {
    const ties = [tie(2), tie(5, true)];
    expect(tiesToShow(ties)).toEqual(ties);
  });
});

describe('move', () => {
  it('swaps with the neighbour and stays put at the ends', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('leniencyChart', () => {
  const l = (name: string, d: number | null) => ({ assessor_id: 1, name, panel: 'Panel A', mean_difference: d, compared: 3 });
  it('draws lenient assessors right of the centre and severe ones left, most lenient first', () => {
    const c = leniencyChart([l('Severe', -0.5), l('Lenient', 2), l('None', null)], { width: 400 });
    expect(c.of).toBe(2);
    expect(c.scale).toBe(2);
    expect(c.bars.map((b) => b.label)).toEqual(['Lenient (Panel A)', 'Severe (Panel A)']);
    expect(c.bars[0]).toMatchObject({ x: 200, w: 200, y: 0 });
    expect(c.bars[1]).toMatchObject({ x: 150, w: 50, y: 22 });
  });
  it('scales to at least one point either side so small differences look small', () => {
    const c = leniencyChart([l('A', 0.25)], { width: 400 });
    expect(c.scale).toBe(1);
    expect(c.bars[0].w).toBe(50);
  });
  it('keeps only the assessors furthest from zero', () => {
    const many = Array.from({ length: 50 }, (_, i) => l(`A${i}`, (i - 25) / 10));
    const c = leniencyChart(many, { max: 5 });
    expect(c.bars.map((b) => b.value)).toEqual([2.4, 2.3, -2.3, -2.4, -2.5]);
    expect(c.of).toBe(50);
    expect(c.height).toBe(5 * 22);
  });
});

describe('formatting', () => {
  it('shows statistics to two places or says there is not enough data', () => {
    expect(stat(0.8123)).toBe('0.81');
    expect(stat(null)).toBe('not enough data');
  });
  it('signs differences with a real minus', () => {
    expect(signed(0.4)).toBe('+0.40');
    expect(signed(-0.25)).toBe('−0.25');
    expect(signed(0)).toBe('0.00');
    expect(signed(null)).toBe('—');
  });
});

describe('combined criteria', () => {
  const ex = (exercise: string, exercise_name: string, value: number | null, not_assessed = false) => ({
    exercise, exercise_name, value, not_assessed,
  });
  it('shows each exercise’s score, then the combination', () => {
    const c = { key: 'c1', name: 'Working Together', exercises: [ex('e1', 'Interview', 5), ex('e2', 'Presentation', 7)], value: 6, not_assessed: false };
    expect(combinedCell(c)).toBe('5 · 7 → 6');
    expect(combinedLine(c)).toBe('Interview 5 · Presentation 7 → 6');
  });

  it('says NA for not assessed and — for a score not decided, never 0', () => {
    const c = { key: 'c2', name: 'Delivering', exercises: [ex('e1', 'Interview', null, true), ex('e3', 'Test', null)], value: null, not_assessed: false };
    expect(combinedCell(c)).toBe('NA · — → —');
    const mean = { ...c, exercises: [ex('e1', 'Interview', 4), ex('e3', 'Test', 5)], value: 4.333333 };
    expect(combinedCell(mean)).toBe('4 · 5 → 4.33');
    expect(combinedCell({ ...c, not_assessed: true })).toBe('NA · — → NA');
  });
});
