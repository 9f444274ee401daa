import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../api';
import type { JobProgress } from '../../bindings/JobProgress';
import { Job, cancelledText, newJobId, runningText } from '../../jobs.svelte';
import JobStatus from './JobStatus.svelte';

/** A job's work that the test drives: report progress, then finish or fail. */
function drivenWork() {
  const driven = {
    jobId: -1,
    report: (_p: JobProgress) => {},
    finish: (_value: number) => {},
    fail: (_reason: unknown) => {},
  };
  const work = (jobId: number, onProgress: (p: JobProgress) => void) =>
    new Promise<number>((resolve, reject) => {
      driven.jobId = jobId;
      driven.report = onProgress;
      driven.finish = resolve;
      driven.fail = reject;
    });
  return { driven, work };
}

describe('the words', () => {
  it('count steps with a rounded-down percentage, and say what a cancel left', () => {
    expect(runningText('Exporting', 'PDF documents', 0, 0)).toBe('Exporting…');
    expect(runningText('Exporting', 'PDF documents', 120, 500)).toBe('Exporting 120 of 500 PDF documents (24%)');
    expect(runningText('Importing', 'rows', 4999, 5001)).toBe('Importing 4,999 of 5,001 rows (99%)');
    expect(cancelledText('Export', 'nothing was written to /tmp/out')).toBe('Export cancelled: nothing was written to /tmp/out.');
    expect(cancelledText('Import', '')).toBe('Import cancelled.');
  });

  it('gives every run a new id', () => {
    const a = newJobId();
    expect(newJobId()).not.toBe(a);
  });
});

describe('JobStatus', () => {
  it('shows progress with a Cancel button, and after a cancel says what was left', async () => {
    const { driven, work } = drivenWork();
    // The shell answers the cancel; the command then fails with `cancelled`.
    const cancelJob = vi.fn(async () => {
      driven.fail(new AppError('cancelled', 'cancelled: nothing was written to /tmp/out'));
      return true;
    });
    const job = new Job(cancelJob);
    render(JobStatus, { job, verb: 'Exporting', noun: 'PDF documents', what: 'Export' });
    const ran = job.run(work);
    await waitFor(() => expect(screen.getByTestId('job-progress-text').textContent).toContain('Exporting…'));
    driven.report({ done: 120, total: 500 });
    await waitFor(() =>
      expect(screen.getByTestId('job-progress-text').textContent).toContain('Exporting 120 of 500 PDF documents (24%)'),
    );
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(120);

    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancelJob).toHaveBeenCalledWith(driven.jobId);
    expect(await ran).toBeNull();
    expect(job.state).toBe('cancelled');
    await waitFor(() =>
      expect(screen.getByTestId('job-cancelled').textContent).toBe('Export cancelled: nothing was written to /tmp/out.'),
    );
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('hands a finished run its value and shows nothing of its own', async () => {
    const { driven, work } = drivenWork();
    const job = new Job(vi.fn());
    render(JobStatus, { job, verb: 'Importing', noun: 'candidates', what: 'Import' });
    const ran = job.run(work);
    await waitFor(() => screen.getByRole('button', { name: 'Cancel' }));
    driven.finish(42);
    expect(await ran).toBe(42);
    await waitFor(() => expect(screen.queryByTestId('job-progress')).toBeNull());
    expect(screen.queryByTestId('job-cancelled')).toBeNull();
  });

  it('passes any other failure on to the caller', async () => {
    const { driven, work } = drivenWork();
    const job = new Job(vi.fn());
    render(JobStatus, { job, verb: 'Importing', noun: 'rows', what: 'Import' });
    const ran = job.run(work);
    driven.fail(new AppError('import', 'late.csv: 1 row(s) rejected'));
    await expect(ran).rejects.toMatchObject({ code: 'import' });
    expect(job.state).toBe('failed');
    await waitFor(() => expect(screen.queryByTestId('job-progress')).toBeNull());
    expect(screen.queryByTestId('job-cancelled')).toBeNull();
  });

  it('ignores a late progress message of an earlier run', async () => {
    const first = drivenWork();
    const job = new Job(vi.fn());
    const ran = job.run(first.work);
    first.driven.finish(1);
    await ran;
    const second = drivenWork();
    void job.run(second.work);
    first.driven.report({ done: 9, total: 9 });
    expect([job.done, job.total]).toEqual([0, 0]);
    second.driven.report({ done: 2, total: 5 });
    expect([job.done, job.total]).toEqual([2, 5]);
  });
});
