import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../lib/bindings/AuditEvent';
import type { AuditFilter } from '../../lib/bindings/AuditFilter';
import type { Wire } from '../../lib/wire';
import { AuditPages } from './pages.svelte';

/** A log of `count` events (seq 1…count); every third one by "helen". */
function log(count: number): Wire<AuditEvent>[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    at: '2026-12-02T10:00:00Z',
    actor: i % 3 === 0 ? 'helen' : 'amara',
    action: 'score.update',
    entity: 'campaign/1',
    subject: null,
    before: null,
    after: null,
    prev_hash: '',
    hash: `h${i + 1}`,
  })) as unknown as Wire<AuditEvent>[];
}

/** The core's reader over `events`: oldest first, the newest `limit` matching before `before_seq`. */
function reader(events: Wire<AuditEvent>[]) {
  const asked: Wire<AuditFilter>[] = [];
  const read = async (filter: Wire<AuditFilter>) => {
    asked.push(filter);
    const matching = events.filter(
      (e) => (filter.actor === undefined || e.actor === filter.actor) && (filter.before_seq === undefined || e.seq < filter.before_seq),
    );
    return matching.slice(Math.max(0, matching.length - (filter.limit ?? matching.length)));
  };
  return { read, asked };
}

const seqs = (pages: AuditPages) => pages.events.map((e) => e.seq);

describe('AuditPages', () => {
  it('shows the newest page newest first, then appends the page before the oldest shown', async () => {
    const { read } = reader(log(12));
    const pages = new AuditPages(read, 5);
    await pages.first({});
    expect(seqs(pages)).toEqual([12, 11, 10, 9, 8]);
    expect(pages.atStart).toBe(false);
    await pages.older();
    expect(seqs(pages)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(pages.atStart).toBe(false);
  });

  it('keeps the filters for the older pages', async () => {
    const { read, asked } = reader(log(40));
    const pages = new AuditPages(read, 5);
    await pages.first({ actor: 'helen', campaign: 1, action_prefix: 'score.' });
    await pages.older();
    expect(asked[1]).toEqual({ actor: 'helen', campaign: 1, action_prefix: 'score.', before_seq: 28, limit: 5 });
    expect(pages.events.every((e) => e.actor === 'helen')).toBe(true);
    expect(seqs(pages)).toEqual([40, 37, 34, 31, 28, 25, 22, 19, 16, 13]);
  });

  it('says the start of the log is reached after a short page, and reads no further', async () => {
    const { read, asked } = reader(log(8));
    const pages = new AuditPages(read, 5);
    await pages.first({});
    expect(pages.atStart).toBe(false);
    await pages.older();
    expect(seqs(pages)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(pages.atStart).toBe(true);
    await pages.older();
    expect(asked).toHaveLength(2);
  });

  it('knows at once when the first page is the whole log', async () => {
    const pages = new AuditPages(reader(log(3)).read, 5);
    await pages.first({});
    expect(pages.atStart).toBe(true);
  });

  it('never shows an event twice, even if a page overlaps the rows shown', async () => {
    // A reader that ignores before_seq from the second call on: the same newest page again.
    const events = log(12);
    const pages = new AuditPages(async (f) => events.slice(-(f.limit ?? 0)), 5);
    await pages.first({});
    await pages.older();
    expect(seqs(pages)).toEqual([12, 11, 10, 9, 8]);
    expect(new Set(seqs(pages)).size).toBe(pages.events.length);
  });

  it('drops an older page that arrives after new filters were applied', async () => {
    const events = log(12);
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => (release = r));
    const pages = new AuditPages(async (f) => {
      if (f.before_seq !== undefined) await slow;
      return reader(events).read(f);
    }, 5);
    await pages.first({});
    const older = pages.older();
    await pages.first({ actor: 'helen' });
    release();
    await older;
    expect(seqs(pages)).toEqual([10, 7, 4, 1]);
    expect(pages.atStart).toBe(true);
  });
});
