import { afterEach, describe, expect, it, vi } from 'vitest';
import { Kept } from './kept';
import { picked } from './picked.svelte';
import { prepareModeration } from './prepare.svelte';
import type { Assessor } from '../../bindings/Assessor';
import type { Campaign } from '../../bindings/Campaign';
import type { Wire } from '../../wire';

const settings = { spread_threshold: 2, panel_mean_threshold: 0.5 };
const campaign = { id: 7, name: 'Analysts 2026' } as unknown as Wire<Campaign>;
const people = [{ id: 31, login: 'helen', role: 'moderator' }] as unknown as Wire<Assessor>[];

function fakeApi(fail = false) {
  return {
    prepareViews: vi.fn(async () => null),
    getCampaign: vi.fn(async () => (fail ? Promise.reject(new Error('gone')) : campaign)),
    listAssessors: vi.fn(async () => people),
    flagSettings: vi.fn(async () => settings),
  };
}

afterEach(() => {
  picked.campaignId = null;
  picked.moderatorId = null;
});

describe('prepareModeration', () => {
  it('has the core compute the views and keeps what the screens first read', async () => {
    const kept = new Kept().within('a.db\nhelen');
    const api = fakeApi();
    await prepareModeration(api, () => kept, 7, 31);
    expect(api.prepareViews).toHaveBeenCalledWith(7);
    expect(kept.campaign(7)).toEqual({ campaign, assessors: people, moderatorId: 31 });
    expect(kept.flagSettings(7)).toEqual(settings);
    expect([picked.campaignId, picked.moderatorId], 'the picker opens on it').toEqual([7, 31]);
  });

  it('leaves a campaign already picked, and keeps nothing when a read fails', async () => {
    picked.campaignId = 3;
    const kept = new Kept().within('a.db\nhelen');
    await prepareModeration(fakeApi(true), () => kept, 7, 31);
    expect(kept.campaign(7)).toBeNull();
    expect(kept.flagSettings(7)).toBeNull();
    expect(picked.campaignId).toBe(3);
  });
});
