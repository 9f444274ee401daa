import { describe, expect, it } from 'vitest';
import { followChanges, type WaitChanges } from './live';

type Answer = Awaited<ReturnType<WaitChanges>>;
const change = (seq: number, campaign: number, candidate: number) => ({ seq, campaign_id: campaign, candidate_id: candidate, table: 'scores' });

/** A wait function answering from a script, recording each call. */
function scripted(answers: Answer[]) {
  const calls: [number, number][] = [];
  const wait: WaitChanges = async (after, timeout) => {
    calls.push([after, timeout]);
    const next = answers.shift();
    if (!next) return new Promise<Answer>(() => {}); // waits for ever, as a quiet server would
    return next;
  };
  return { wait, calls };
}

describe('followChanges', () => {
  it('skips what came before, then hands over only its campaign’s changes, cursor by cursor', async () => {
    const { wait, calls } = scripted([
      { changes: [change(3, 1, 9)], cursor: 3, missed: false, live: true },
      { changes: [change(4, 2, 5), change(5, 1, 7)], cursor: 5, missed: false, live: true },
      { changes: [change(6, 2, 5)], cursor: 6, missed: false, live: true },
      { changes: [], cursor: 6, missed: true, live: true },
    ]);
    const got: [number[], boolean][] = [];
    const following = followChanges({
      campaignId: () => 1,
      onChange: (changes, missed) => got.push([changes.map((c) => c.candidate_id ?? 0), missed]),
      wait,
      pollMs: 1000,
    });
    await new Promise((r) => setTimeout(r, 10));
    following.stop();
    expect(calls).toEqual([
      [0, 0],
      [3, 1000],
      [5, 1000],
      [6, 1000],
      [6, 1000],
    ]);
    expect(got).toEqual([
      [[7], false],
      [[], true],
    ]);
  });

  it('ends at once on a local file', async () => {
    const { wait, calls } = scripted([{ changes: [], cursor: 0, missed: false, live: false }]);
    const following = followChanges({ campaignId: () => 1, onChange: () => {}, wait });
    await following.done;
    expect(calls).toHaveLength(1);
  });

  it('pauses after a failed poll and goes on', async () => {
    let failures = 0;
    const pauses: number[] = [];
    const wait: WaitChanges = async () => {
      if (failures++ === 0) throw new Error('ipc');
      return { changes: [], cursor: 0, missed: false, live: false };
    };
    const following = followChanges({ campaignId: () => 1, onChange: () => {}, wait, pause: async (ms) => void pauses.push(ms) });
    await following.done;
    expect(pauses).toEqual([5000]);
  });
});
