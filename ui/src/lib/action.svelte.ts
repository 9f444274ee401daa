/**
 * One helper for what every button that calls the core does: mark the form busy (so it is not
 * pressed twice), run the work, clear the error banner on success, show the error as a
 * sentence on failure, and always end not busy. Screens keep one `Action` per form.
 */
import { toAppError, type AppError } from './api';
import { clearError, showError } from './session.svelte';

export interface RunOptions {
  /** Handle a failure here instead of (or as well as) the banner; return true to keep it out
   * of the banner (e.g. an import's line errors, shown beside the file). */
  onError?: (error: AppError) => boolean | void;
}

export class Action {
  /** True while the work runs. */
  busy = $state(false);

  /** Runs `work`; resolves true when it succeeded, false when it failed (already shown). */
  async run(work: () => Promise<unknown>, options: RunOptions = {}): Promise<boolean> {
    this.busy = true;
    try {
      await work();
      clearError();
      return true;
    } catch (reason) {
      const error = toAppError(reason);
      if (!options.onError?.(error)) showError(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** `Action.run` for work with no busy state of its own (loads, refreshes). */
export function attempt(work: () => Promise<unknown>, options: RunOptions = {}): Promise<boolean> {
  return new Action().run(work, options);
}
