import { describe, expect, it, vi } from 'vitest';
import { FRESH_MS } from '../../lib/readSlot';
import { ScoringReadsSlot, readScoring, scoringKey } from './firstReads';

// Campaign 7: panel 1 (members 10 and 11), panel 2 (member 20), moderator 30. Candidates 1-3
// before panel 1 (2 withdrawn), 4 before panel 2.
const seats = [
  { id: 10, role: 'member', panel_id: 1, exercise: null },
  { id: 11, role: 'member', panel_id: 1, exercise: null },
  { id: 20, role: 'member', panel_id: 2, exercise: null },
  { id: 30, role: 'moderator', panel_id: null, exercise: null },
];
const people = [
  { id: 1, panel_id: 1, exercise_panels: [], withdrawal: null },
  { id: 2, panel_id: 1, exercise_panels: [], withdrawal: { reason: 'moved' } },
  { id: 3, panel_id: 1, exercise_panels: [], withdrawal: null },
  { id: 4, panel_id: 2, exercise_panels: [], withdrawal: null },
];

function fakeApi(progress: { candidate_id: number; assessor_id: number; marked: number; submitted: boolean }[] = []) {
  return {
    myRoles: vi.fn(async () => ({ conflicts_stated: true }) as never),
    ownPanelProgress: vi.fn(async () => progress as never),
    getCampaign: vi.fn(async () => ({ id: 7, scorecard: { exercises: [] } }) as never),
    listAssessors: vi.fn(async () => seats as never),
    listPanels: vi.fn(async () => [] as never),
    listCandidates: vi.fn(async () => people as never),
    visibleScores: vi.fn(async (_c: number, candidate: number) =>
      [
        { candidate_id: candidate, assessor_id: 10, criterion_key: 'c1' },
        { candidate_id: candidate, assessor_id: 11, criterion_key: 'c1' },
      ] as never,
    ),
    agreedScores: vi.fn(async (_c: number, candidate: number) => [{ candidate_id: candidate, criterion_key: 'c1' }] as never),
    getAdjustments: vi.fn(async (_c: number, candidate: number) => (candidate === 3 ? 'extra time' : null)),
  };
}

describe('readScoring', () => {
  it("reads a member's candidates, progress and the first unsubmitted candidate's scores and adjustments", async () => {
    const api = fakeApi([
      { candidate_id: 1, assessor_id: 10, marked: 4, submitted: true },
      { candidate_id: 3, assessor_id: 10, marked: 1, submitted: false },
      { candidate_id: 3, assessor_id: 11, marked: 4, submitted: true },
    ]);
    const reads = await readScoring(api, 7, 10);
    expect(reads.me?.id).toBe(10);
    expect(reads.candidates.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(reads.scorer?.progress).toEqual({ 1: { marked: 4, submitted: true }, 3: { marked: 1, submitted: false } });
    // 1 is submitted, 2 withdrawn: 3 comes first; the panel's agreed scores are not asked for
    // before this member has submitted (the server refuses them).
    expect(reads.scorer?.first).toEqual({ id: 3, visible: expect.any(Array), agreed: null, adjustments: 'extra time' });
    expect(api.visibleScores).toHaveBeenCalledTimes(1);
    expect(api.visibleScores).toHaveBeenCalledWith(7, 3);
    expect(api.agreedScores).not.toHaveBeenCalled();
  });

  it("reads the panel's agreed scores for a first candidate already submitted", async () => {
    const api = fakeApi([1, 2, 3].map((id) => ({ candidate_id: id, assessor_id: 10, marked: 4, submitted: true })));
    const first = (await readScoring(api, 7, 10)).scorer?.first;
    // All submitted: the first listed is opened, with the panel's scores and agreed scores.
    expect(first?.id).toBe(1);
    expect(first?.visible).toHaveLength(2);
    expect(first?.agreed).toEqual([{ candidate_id: 1, criterion_key: 'c1' }]);
    expect(first?.adjustments).toBeNull();
  });

  it('opens the candidate kept after an import if still on the panel', async () => {
    expect((await readScoring(fakeApi(), 7, 10, 3)).scorer?.first?.id).toBe(3);
    expect((await readScoring(fakeApi(), 7, 10, 4)).scorer?.first?.id, 'not on panel 1').toBe(1);
  });

  it('gives a moderator no candidates and never waits for the refusals of what they do not need', async () => {
    const api = {
      ...fakeApi(),
      myRoles: vi.fn(async () => Promise.reject(new Error('refused'))),
      ownPanelProgress: vi.fn(async () => Promise.reject(new Error('refused'))),
    };
    const reads = await readScoring(api, 7, 30);
    expect(reads.candidates).toEqual([]);
    expect(reads.scorer).toBeNull();
    expect(api.visibleScores).not.toHaveBeenCalled();
  });

  it("leaves the first candidate's reads that failed to the screen, to make again and show", async () => {
    const lost = vi.fn(async () => Promise.reject(new Error('lost')));
    const submitted = [1, 2, 3].map((id) => ({ candidate_id: id, assessor_id: 10, marked: 4, submitted: true }));
    const api = { ...fakeApi(submitted), visibleScores: lost, agreedScores: lost, getAdjustments: lost };
    expect((await readScoring(api, 7, 10)).scorer?.first).toEqual({ id: 1, visible: null, agreed: null, adjustments: undefined });
  });

  it('rejects when the campaign or a scorer’s roles cannot be read', async () => {
    await expect(readScoring({ ...fakeApi(), getCampaign: vi.fn(async () => Promise.reject(new Error('gone'))) }, 7, 10)).rejects.toThrow('gone');
    await expect(readScoring({ ...fakeApi(), myRoles: vi.fn(async () => Promise.reject(new Error('no seat'))) }, 7, 10)).rejects.toThrow('no seat');
  });
});

describe('ScoringReadsSlot', () => {
  it('gives the reads once to the same database, user, campaign and seat', async () => {
    const slot = new ScoringReadsSlot();
    await slot.ask(fakeApi(), 'db\nana', 7, 10);
    for (const other of [scoringKey('other\nana', 7, 10), scoringKey('db\nbo', 7, 10), scoringKey('db\nana', 8, 10), scoringKey('db\nana', 7, 11)]) {
      expect(slot.take(other)).toBeNull();
      await slot.ask(fakeApi(), 'db\nana', 7, 10);
    }
    const taken = slot.take(scoringKey('db\nana', 7, 10));
    expect((await taken?.held)?.scorer?.first?.id).toBe(1);
    expect(slot.take(scoringKey('db\nana', 7, 10)), 'taken once').toBeNull();
  });

  it('asks for nothing without a campaign and a seat, and settles when a read fails', async () => {
    const api = fakeApi();
    const slot = new ScoringReadsSlot();
    await slot.ask(api, 'db\nana', null, 10);
    await slot.ask(api, 'db\nana', 7, null);
    expect(api.getCampaign).not.toHaveBeenCalled();
    const failing = { ...fakeApi(), listCandidates: vi.fn(async () => Promise.reject(new Error('down'))) };
    await expect(slot.ask(failing, 'db\nana', 7, 10)).resolves.toBeUndefined();
    await expect(slot.take(scoringKey('db\nana', 7, 10))?.held).rejects.toThrow('down');
  });

  it('gives nothing once the reads are old', async () => {
    let now = 0;
    const slot = new ScoringReadsSlot(() => now);
    await slot.ask(fakeApi(), 'db\nana', 7, 10);
    now = FRESH_MS + 1;
    expect(slot.take(scoringKey('db\nana', 7, 10))).toBeNull();
  });
});
