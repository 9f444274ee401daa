/**
 * Long work the user may cancel: exports, candidate and score imports, the demo. A `Job` gives
 * each run a new id (which the command carries, and `cancel_job` names), keeps its progress
 * for the screen, and turns the core's `cancelled` error into an ending of its own, with the
 * core's words for what the cancel left ("nothing was written to …"). `JobStatus.svelte`
 * shows it: "Exporting 120 of 500 PDF documents", a Cancel button, then what happened.
 */
import { api, toAppError } from './api';
import type { JobProgress } from './bindings/JobProgress';

/** Job ids start somewhere random, so a reloaded window does not reuse one still running. */
let lastId = Math.floor(Math.random() * 0x7000_0000);

/** A job id no other run of this window has used. */
export function newJobId(): number {
  lastId = (lastId + 1) % 0xffff_ffff;
  return lastId;
}

export type JobState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** "Exporting 120 of 500 PDF documents" (and a percentage); "Exporting…" before the first report. */
export function runningText(verb: string, noun: string, done: number, total: number): string {
  if (total <= 0) return `${verb}…`;
  const n = (x: number) => x.toLocaleString('en-GB');
  return `${verb} ${n(done)} of ${n(total)} ${noun} (${Math.floor((done / total) * 100)}%)`;
}

/** "Export cancelled: nothing was written to /tmp/x." */
export function cancelledText(what: string, left: string): string {
  const note = left.trim().replace(/[.]+$/, '');
  return note ? `${what} cancelled: ${note}.` : `${what} cancelled.`;
}

export class Job {
  id = $state<number | null>(null);
  done = $state(0);
  total = $state(0);
  state = $state<JobState>('idle');
  cancelling = $state(false);
  /** What the cancel left, in the core's words. */
  left = $state('');

  private readonly cancelJob: (id: number) => Promise<boolean>;

  /** `cancelJob` asks the shell to stop a run (tests pass their own). */
  constructor(cancelJob: (id: number) => Promise<boolean> = (id) => api.cancelJob(id)) {
    this.cancelJob = cancelJob;
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /**
   * Runs `work` as a new job. Resolves with its value, or with `null` when it was cancelled
   * (`state` and `left` say so); any other failure is thrown, for the caller's error handling.
   */
  async run<T>(work: (jobId: number, onProgress: (p: JobProgress) => void) => Promise<T>): Promise<T | null> {
    const id = newJobId();
    this.id = id;
    this.done = 0;
    this.total = 0;
    this.left = '';
    this.cancelling = false;
    this.state = 'running';
    try {
      const value = await work(id, (p) => {
        if (this.id !== id) return; // a message of an earlier run, arriving late
        this.done = p.done;
        this.total = p.total;
      });
      this.state = 'done';
      return value;
    } catch (reason) {
      const error = toAppError(reason);
      if (error.code === 'cancelled') {
        this.state = 'cancelled';
        this.left = error.message.replace(/^cancelled:\s*/, '');
        return null;
      }
      this.state = 'failed';
      throw error;
    } finally {
      this.cancelling = false;
    }
  }

  /** Asks the running job to stop; it ends at its next step (its `run` then resolves null). */
  async cancel(): Promise<void> {
    if (this.state !== 'running' || this.id === null || this.cancelling) return;
    this.cancelling = true;
    try {
      // False: it finished meanwhile, and `run` reports how.
      await this.cancelJob(this.id);
    } catch (reason) {
      this.cancelling = false;
      throw toAppError(reason);
    }
  }

  /** Forgets the last run's ending (e.g. when the screen starts something else). */
  reset(): void {
    if (this.state !== 'running') this.state = 'idle';
  }
}
