import { describe, expect, it } from 'vitest';
import { createSaver, type SaveStatus } from './autosave';
import { fakeClock } from '../../testing/fakeClock';

/** A save function whose calls the test resolves or rejects by hand. */
function controlledSave<T>() {
  const calls: { value: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const save = (value: T) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ value, resolve, reject });
    });
  return { save, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('createSaver', () => {
  it('waits for 400 ms of quiet, then saves only the newest value', async () => {
    const { clock, advance } = fakeClock();
    const saved: string[] = [];
    const saver = createSaver<string>({ clock, save: async (v) => void saved.push(v) });
    saver.update('a');
    advance(300);
    saver.update('ab');
    advance(300);
    expect(saved).toEqual([]); // typing keeps pushing the save back
    expect(saver.status.kind).toBe('pending');
    advance(100);
    await settle();
    expect(saved).toEqual(['ab']);
    expect(saver.status.kind).toBe('saved');
    expect(saver.dirty).toBe(false);
  });

  it('flush saves at once and cancels the timer (blur, next criterion, window closing)', async () => {
    const { clock, advance, pending } = fakeClock();
    const saved: number[] = [];
    const saver = createSaver<number>({ clock, save: async (v) => void saved.push(v) });
    saver.update(5);
    await saver.flush();
    expect(saved).toEqual([5]);
    expect(pending()).toBe(0);
    advance(1000);
    await settle();
    expect(saved).toEqual([5]); // not saved twice
  });

  it('never overlaps saves: a change made during a save is sent after it', async () => {
    const { clock, advance } = fakeClock();
    const { save, calls } = controlledSave<string>();
    const statuses: SaveStatus['kind'][] = [];
    const saver = createSaver<string>({ clock, save, onStatus: (s) => statuses.push(s.kind) });
    saver.update('first');
    advance(400);
    expect(calls.map((c) => c.value)).toEqual(['first']);
    saver.update('second');
    const flushed = saver.flush();
    expect(calls).toHaveLength(1); // still waiting for the first
    calls[0].resolve();
    await settle();
    expect(calls.map((c) => c.value)).toEqual(['first', 'second']);
    expect(saver.status.kind).toBe('saving');
    calls[1].resolve();
    await flushed;
    expect(saver.status.kind).toBe('saved');
    expect(statuses.at(-1)).toBe('saved');
    expect(statuses).not.toContain('error');
  });

  it('shows why a save failed, keeps the value, and sends it again on the next flush', async () => {
    const { clock } = fakeClock();
    let fail = true;
    const saved: string[] = [];
    const saver = createSaver<string>({
      clock,
      save: async (v) => {
        if (fail) throw { code: 'invalid', message: 'score.value: 9 is not a point of the scale' };
        saved.push(v);
      },
    });
    saver.update('note');
    await saver.flush();
    expect(saver.status).toEqual({ kind: 'error', message: 'score.value: 9 is not a point of the scale' });
    expect(saver.dirty).toBe(true);
    fail = false;
    await saver.flush();
    expect(saved).toEqual(['note']);
    expect(saver.status.kind).toBe('saved');
    expect(saver.dirty).toBe(false);
  });

  it('reports each saved value (so the local draft copy can be dropped)', async () => {
    const { clock } = fakeClock();
    const confirmed: string[] = [];
    const saver = createSaver<string>({ clock, save: async () => {}, onSaved: (v) => confirmed.push(v) });
    saver.update('x');
    await saver.flush();
    expect(confirmed).toEqual(['x']);
  });

  it('after dispose nothing more is saved', async () => {
    const { clock, advance } = fakeClock();
    const saved: string[] = [];
    const saver = createSaver<string>({ clock, save: async (v) => void saved.push(v) });
    saver.update('x');
    saver.dispose();
    advance(1000);
    await saver.flush();
    expect(saved).toEqual([]);
  });
});

describe('createSaver offline', () => {
  it('marks a failure as offline when the database could not be reached, and keeps the value', async () => {
    const { save, calls } = controlledSave<number>();
    const statuses: SaveStatus[] = [];
    const saver = createSaver({
      save,
      clock: fakeClock().clock,
      onStatus: (s) => statuses.push(s),
      isOffline: (reason) => (reason as { code?: string }).code === 'pg.connection_lost',
    });
    saver.update(5);
    const flushed = saver.flush();
    calls[0].reject({ code: 'pg.connection_lost', message: 'lost' });
    await flushed;
    expect(statuses.at(-1)).toEqual({ kind: 'error', message: 'lost', offline: true });
    expect(saver.dirty).toBe(true);
    const again = saver.flush();
    calls[1].resolve();
    await again;
    expect(calls.map((c) => c.value)).toEqual([5, 5]);
    expect(saver.status).toEqual({ kind: 'saved' });
  });
});
