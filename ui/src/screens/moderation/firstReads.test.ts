import { describe, expect, it, vi } from 'vitest';
import { Kept } from '../../lib/components/moderation/kept';
import { FRESH_MS, FirstReadsSlot, STARTING_FILTER, readsKey } from './firstReads';
import { boardFilter } from './board';

const settings = { spread_threshold: 2, panel_mean_threshold: 0.5 };
const board = { candidates: 3 } as never;

function fakeApi() {
  return {
    boardSummary: vi.fn(async () => board),
    signoffs: vi.fn(async () => []),
    flagSettings: vi.fn(async () => settings),
  };
}

/** A kept campaign 7 with its thresholds, as after the moderator chose it. */
function keptCampaign(): Kept {
  const kept = new Kept().within('db\nhelen');
  kept.keepCampaign(7, { campaign: { id: 7, state: 'moderation' } as never, assessors: [], moderatorId: 3 });
  kept.keepFlagSettings(7, settings);
  return kept;
}

describe('FirstReadsSlot', () => {
  it('asks for the board a new screen shows, and gives it once to exactly that request', async () => {
    const api = fakeApi();
    const slot = new FirstReadsSlot();
    await slot.ask(api, keptCampaign(), 'db\nhelen', 7);
    expect(api.boardSummary).toHaveBeenCalledWith(7, settings, STARTING_FILTER, expect.any(Number));
    expect(api.signoffs).toHaveBeenCalledWith(7);
    expect(api.flagSettings).toHaveBeenCalledWith(7);
    // The screen's own filter as it starts is the one asked for.
    const key = readsKey('db\nhelen', 7, settings, boardFilter({ flag: 'all', panel: 'all', outcome: 'all' }));
    const taken = slot.take(key);
    expect(taken?.askedAt).toBeGreaterThan(0);
    expect(taken?.settings).toEqual(settings);
    expect(await taken?.reads).toEqual({ board, signoffs: [], latest: settings });
    expect(slot.take(key), 'taken once').toBeNull();
  });

  it('gives nothing to another database, user, campaign, thresholds or filter', async () => {
    const other = [
      readsKey('other.db\nhelen', 7, settings, STARTING_FILTER),
      readsKey('db\nmo', 7, settings, STARTING_FILTER),
      readsKey('db\nhelen', 8, settings, STARTING_FILTER),
      readsKey('db\nhelen', 7, { ...settings, spread_threshold: 3 }, STARTING_FILTER),
      readsKey('db\nhelen', 7, settings, boardFilter({ flag: 'attention', panel: 'all', outcome: 'all' })),
    ];
    for (const key of other) {
      const slot = new FirstReadsSlot();
      await slot.ask(fakeApi(), keptCampaign(), 'db\nhelen', 7);
      expect(slot.take(key)).toBeNull();
    }
  });

  it('gives nothing once the reads are old: they were for a click that opened nothing', async () => {
    let now = 1000;
    const slot = new FirstReadsSlot(() => now);
    await slot.ask(fakeApi(), keptCampaign(), 'db\nhelen', 7);
    now += FRESH_MS + 1;
    expect(slot.take(readsKey('db\nhelen', 7, settings, STARTING_FILTER))).toBeNull();
  });

  it('reads nothing without a campaign, or its thresholds, kept', async () => {
    const api = fakeApi();
    const slot = new FirstReadsSlot();
    await slot.ask(api, keptCampaign(), 'db\nhelen', null);
    await slot.ask(api, keptCampaign(), 'db\nhelen', 8);
    await slot.ask(api, new Kept().within('db\nhelen'), 'db\nhelen', 7);
    expect(api.boardSummary).not.toHaveBeenCalled();
  });

  it('uses the sign-off history kept for the campaign’s state', async () => {
    const api = fakeApi();
    const kept = keptCampaign();
    const history = [{ action: 'reopen' }] as never;
    kept.keepSignoffs(7, 'moderation', history);
    const slot = new FirstReadsSlot();
    await slot.ask(api, kept, 'db\nhelen', 7);
    expect(api.signoffs).not.toHaveBeenCalled();
    expect((await slot.take(readsKey('db\nhelen', 7, settings, STARTING_FILTER))?.reads)?.signoffs).toBe(history);
  });

  it('settles, never rejects, when a read fails: the screen that takes the reads shows the error', async () => {
    const api = { ...fakeApi(), boardSummary: vi.fn(async () => Promise.reject(new Error('refused'))) };
    const slot = new FirstReadsSlot();
    await expect(slot.ask(api, keptCampaign(), 'db\nhelen', 7)).resolves.toBeUndefined();
    await expect(slot.take(readsKey('db\nhelen', 7, settings, STARTING_FILTER))?.reads).rejects.toThrow('refused');
  });
});
