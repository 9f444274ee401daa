import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const listCampaigns = vi.fn(async () => [] as unknown[]);
const createDemoCampaign = vi.fn(async () => null);
vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return { ...real, api: { ...real.api, listCampaigns, createDemoCampaign } };
});

const { session } = await import('../../session.svelte');
const { default: CampaignPicker } = await import('./CampaignPicker.svelte');

beforeEach(() => {
  listCampaigns.mockClear();
  createDemoCampaign.mockClear();
  session.error = null;
  session.user = { id: 1, login: 'ana', name: 'Ana Admin', hr_admin: true };
});

describe('CampaignPicker demo', () => {
  it('builds the demo with the number of exercises chosen (an interview unless told otherwise)', async () => {
    render(CampaignPicker, { allowDemo: true });
    const create = await screen.findByRole('button', { name: 'Create demo campaign' });
    await fireEvent.click(create);
    await waitFor(() => expect(createDemoCampaign).toHaveBeenCalledTimes(1));
    // candidates, seed, exercises, job id, progress
    expect(createDemoCampaign.mock.calls[0].slice(0, 3)).toEqual([5000, 1, 1]);

    const exercises = screen.getByLabelText('Exercises') as HTMLSelectElement;
    expect([...exercises.options].map((o) => o.text)).toEqual([
      'An interview',
      'An interview and a technical test',
    ]);
    exercises.selectedIndex = 1;
    await fireEvent.change(exercises);
    await waitFor(() => expect(create.hasAttribute('disabled')).toBe(false));
    await fireEvent.click(create);
    await waitFor(() => expect(createDemoCampaign).toHaveBeenCalledTimes(2));
    expect(createDemoCampaign.mock.calls[1].slice(0, 3)).toEqual([5000, 1, 2]);
  });
});
