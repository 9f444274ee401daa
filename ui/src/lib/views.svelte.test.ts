import { describe, expect, it, vi } from 'vitest';
import { loadView, prepareView, views, within } from './views.svelte';

describe('loadView', () => {
  it('loads a screen once and keeps it for the template', async () => {
    expect(views.loaded.export).toBeUndefined();
    const first = await loadView('export');
    expect(typeof first).toBe('function');
    expect(views.loaded.export).toBe(first);
    expect(await loadView('export')).toBe(first);
  });
});

describe('prepareView', () => {
  it('resolves at once for a screen with nothing to read first', async () => {
    await loadView('audit');
    let done = false;
    void prepareView('audit', 10_000).then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(true);
  });

  it('waits for work that ends or fails, and never longer than it is given', async () => {
    vi.useFakeTimers();
    try {
      const ended: string[] = [];
      void within(Promise.resolve(1), 50).then(() => ended.push('done'));
      void within(Promise.reject(new Error('refused')), 50).then(() => ended.push('failed'));
      void within(new Promise(() => {}), 50).then(() => ended.push('cut off'));
      await vi.advanceTimersByTimeAsync(0);
      expect(ended).toEqual(['done', 'failed']);
      await vi.advanceTimersByTimeAsync(49);
      expect(ended).toEqual(['done', 'failed']);
      await vi.advanceTimersByTimeAsync(1);
      expect(ended).toEqual(['done', 'failed', 'cut off']);
    } finally {
      vi.useRealTimers();
    }
  });
});
