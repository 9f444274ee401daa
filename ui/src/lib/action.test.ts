import { describe, expect, it } from 'vitest';
import { AppError } from './api';
import { Action, attempt } from './action.svelte';
import { session, showError } from './session.svelte';

describe('Action', () => {
  it('is busy while the work runs, then clears an old error on success', async () => {
    showError(new AppError('conflict', 'old'));
    const action = new Action();
    let seenBusy = false;
    const ok = await action.run(async () => {
      seenBusy = action.busy;
    });
    expect([ok, seenBusy, action.busy, session.error]).toEqual([true, true, false, null]);
  });

  it('shows a failure in the banner and ends not busy', async () => {
    const action = new Action();
    const ok = await action.run(async () => {
      throw { code: 'not_found', message: 'role 7 not found' };
    });
    expect(ok).toBe(false);
    expect(action.busy).toBe(false);
    expect(session.error).toMatchObject({ code: 'not_found', message: 'role 7 not found' });
  });

  it('lets the caller keep a failure out of the banner', async () => {
    session.error = null;
    const seen: string[] = [];
    const ok = await attempt(
      async () => {
        throw new AppError('import', 'a.csv: line 3: name is empty');
      },
      { onError: (e) => (seen.push(e.code), e.code === 'import') },
    );
    expect([ok, seen, session.error]).toEqual([false, ['import'], null]);
  });
});
