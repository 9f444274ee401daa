import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const listRetention = vi.fn();
const setRetention = vi.fn();
const purgeCampaign = vi.fn();
vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return {
    ...real,
    api: {
      ...real.api,
      listRetention: (...a: unknown[]) => listRetention(...a),
      setRetention: (...a: unknown[]) => setRetention(...a),
      purgeCampaign: (...a: unknown[]) => purgeCampaign(...a),
    },
  };
});

const { AppError } = await import('../../api');
const { default: RetentionPanel } = await import('./RetentionPanel.svelte');

const ended = {
  campaign_id: 1, name: 'Analysts 2024', months: 24, from: 'sign-off' as const,
  due: '2026-11-03T10:00:00Z', past: true, purged_at: null,
};
const running = {
  campaign_id: 2, name: 'DevOps SEO', months: 24, from: 'creation' as const,
  due: '2028-12-01T14:22:40Z', past: false, purged_at: null,
};
const purged = { ...ended, campaign_id: 3, name: 'Interns 2023', purged_at: '2026-11-20T09:00:00Z' };

async function setup(rows = [ended, running, purged]) {
  listRetention.mockResolvedValue(rows);
  const onchange = vi.fn(async () => {});
  render(RetentionPanel, { onchange });
  await screen.findByTestId('retention-table');
  return onchange;
}

const row = (id: number) => within(screen.getByTestId(`retention-row-${id}`));

beforeEach(() => {
  listRetention.mockReset();
  setRetention.mockReset();
  purgeCampaign.mockReset();
});

describe('RetentionPanel', () => {
  it('lists each campaign’s period, end and standing, offering a purge only once it has ended', async () => {
    await setup();
    expect(row(1).getByText('24 months after sign-off')).toBeTruthy();
    expect(row(1).getByText('3 November 2026')).toBeTruthy();
    expect(row(1).getByText('Period ended on 3 November 2026: purge due')).toBeTruthy();
    expect(row(1).getByRole('button', { name: 'Purge the personal data of Analysts 2024' })).toBeTruthy();
    expect(row(2).getByText('Kept until 1 December 2028')).toBeTruthy();
    expect(row(2).queryByRole('button', { name: /Purge/ })).toBeNull();
    expect(row(2).getByRole('button', { name: 'Change period of retention for DevOps SEO' })).toBeTruthy();
    expect(row(3).getByText('Purged on 20 November 2026')).toBeTruthy();
    expect(row(3).queryByRole('button')).toBeNull();
  });

  it('changes the period with a reason and shows the new end', async () => {
    await setup();
    setRetention.mockResolvedValueOnce({ ...running, months: 36, due: '2029-12-01T14:22:40Z' });
    await fireEvent.click(screen.getByRole('button', { name: 'Change period of retention for DevOps SEO' }));
    const form = screen.getByRole('group', { name: 'Change how long DevOps SEO keeps personal data' });
    expect(document.activeElement).toBe(within(form).getByLabelText(/Months to keep personal data/));
    expect((document.activeElement as HTMLInputElement).value).toBe('24');
    await fireEvent.input(within(form).getByLabelText(/Months to keep personal data/), { target: { value: '36' } });
    await fireEvent.input(within(form).getByLabelText('Reason for the change'), { target: { value: 'Appeal pending' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Save period' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(
      'DevOps SEO now keeps personal data 36 months after creation, until 1 December 2029.',
    ));
    expect(setRetention).toHaveBeenCalledWith(2, 36, 'Appeal pending');
    expect(listRetention).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('refuses months it cannot send, in words, without calling the core', async () => {
    await setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Change period of retention for DevOps SEO' }));
    await fireEvent.input(screen.getByLabelText(/Months to keep personal data/), { target: { value: '0' } });
    await fireEvent.input(screen.getByLabelText('Reason for the change'), { target: { value: 'Shorter' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save period' }));
    const problem = await screen.findByTestId('retention-period-error');
    expect(problem.textContent).toContain('Check the retention period: 0 is not between 1 and 120 months.');
    expect(setRetention).not.toHaveBeenCalled();
  });

  it('purges an ended campaign after a confirmation with a reason, and has the screen reload', async () => {
    const onchange = await setup();
    purgeCampaign.mockResolvedValueOnce(12);
    await fireEvent.click(screen.getByRole('button', { name: 'Purge the personal data of Analysts 2024' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Purge the personal data of Analysts 2024?' });
    expect(dialog.textContent).toContain('This cannot be undone.');
    expect(dialog.textContent).toContain('scores, anonymised');
    const confirm = within(dialog).getByRole('button', { name: 'Purge personal data' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await fireEvent.input(within(dialog).getByLabelText(/^Reason/), { target: { value: 'Records schedule 4.2' } });
    await fireEvent.click(confirm);
    await waitFor(() => expect(onchange).toHaveBeenCalledOnce());
    expect(purgeCampaign).toHaveBeenCalledWith(1, 'Records schedule 4.2');
    expect(screen.getByRole('status').textContent).toBe(
      'Analysts 2024 purged: the personal data of 12 candidates was erased; the scores stay, anonymised.',
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('shows a refused purge beside it, naming who may purge', async () => {
    const onchange = await setup();
    purgeCampaign.mockRejectedValueOnce(
      new AppError('forbidden', "only an HR administrator may purge a campaign's personal data; you are working as Bo Member (bo)"),
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Purge the personal data of Analysts 2024' }));
    await fireEvent.input(screen.getByLabelText(/^Reason/), { target: { value: 'Ended' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Purge personal data' }));
    const problem = await screen.findByTestId('purge-confirm-error');
    expect(problem.textContent).toContain("only an HR administrator may purge a campaign's personal data");
    expect(problem.textContent).toContain('Error code: forbidden');
    expect(onchange).not.toHaveBeenCalled();
  });

  it('cancels with Escape and puts the focus back on the button', async () => {
    await setup();
    const button = screen.getByRole('button', { name: 'Purge the personal data of Analysts 2024' });
    await fireEvent.click(button);
    await fireEvent.keyDown(screen.getByLabelText(/^Reason/), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(purgeCampaign).not.toHaveBeenCalled();
  });
});
