import { describe, expect, it } from 'vitest';
import { createOutbox } from './outbox';
import { fakeClock } from '../../testing/fakeClock';

const offline = { kind: 'error' as const, message: 'The connection was lost', offline: true };

describe('createOutbox', () => {
  it('retries each change that failed offline every interval until it is saved', () => {
    const { clock, advance, pending } = fakeClock();
    const retried: string[] = [];
    const counts: number[] = [];
    const outbox = createOutbox({ retry: (id) => retried.push(id), every: 5000, clock, onChange: (n) => counts.push(n) });
    outbox.report('1:c1', offline);
    outbox.report('1:c2', offline);
    expect(outbox.count).toBe(2);
    advance(4999);
    expect(retried).toEqual([]);
    advance(1);
    expect(retried).toEqual(['1:c1', '1:c2']);
    outbox.report('1:c1', { kind: 'saved' });
    advance(5000);
    expect(retried).toEqual(['1:c1', '1:c2', '1:c2']);
    outbox.report('1:c2', { kind: 'saved' });
    expect(outbox.count).toBe(0);
    advance(5000);
    expect(retried).toHaveLength(3);
    expect(pending()).toBe(0);
    expect(counts).toEqual([1, 2, 1, 0]);
  });

  it('a refusal a retry cannot fix stops the waiting; saving and pending keep it', () => {
    const { clock, advance } = fakeClock();
    const retried: string[] = [];
    const outbox = createOutbox({ retry: (id) => retried.push(id), clock });
    outbox.report('a', offline);
    outbox.report('a', { kind: 'saving' });
    outbox.report('a', { kind: 'pending' });
    expect(outbox.count).toBe(1);
    outbox.report('a', { kind: 'error', message: 'not permitted', offline: false });
    expect(outbox.count).toBe(0);
    advance(10000);
    expect(retried).toEqual([]);
  });

  it('after dispose nothing is retried', () => {
    const { clock, advance } = fakeClock();
    const retried: string[] = [];
    const outbox = createOutbox({ retry: (id) => retried.push(id), clock });
    outbox.report('a', offline);
    outbox.dispose();
    advance(10000);
    expect(retried).toEqual([]);
  });
});
