import { describe, expect, it } from 'vitest';
import { loadView, views } from './views.svelte';

describe('loadView', () => {
  it('loads a screen once and keeps it for the template', async () => {
    expect(views.loaded.export).toBeUndefined();
    const first = await loadView('export');
    expect(typeof first).toBe('function');
    expect(views.loaded.export).toBe(first);
    expect(await loadView('export')).toBe(first);
  });
});
