import type { AuditEvent } from '../../lib/bindings/AuditEvent';
import type { AuditFilter } from '../../lib/bindings/AuditFilter';
import type { Wire } from '../../lib/wire';

/** The filters a user sets on the Audit screen (no paging fields: those are this module's). */
export type AuditFilters = Omit<Wire<AuditFilter>, 'before_seq' | 'limit'>;

/** Reads one page of the log: the core's `list_audit_events`, oldest first. */
export type ReadAudit = (filter: Wire<AuditFilter>) => Promise<Wire<AuditEvent>[]>;

/**
 * The audit log a page at a time, newest first: the newest `limit` events for the filters, then
 * on request the `limit` before the oldest shown, appended, with the same filters. The whole
 * log of a large campaign is too many events to read or draw at once (2,000 candidates wrote
 * tens of thousands), so the screen starts with the newest and pages back.
 */
export class AuditPages {
  /** The events read so far, newest first. */
  events = $state.raw<Wire<AuditEvent>[]>([]);
  /** True once a page came back shorter than asked: nothing older matches the filters. */
  atStart = $state(false);
  /** True while a page is being read. */
  reading = $state(false);
  /** The filters of the events shown (the last applied, not the boxes as edited since), kept
   * for the older pages and for what the screen says about them. */
  filters = $state.raw<AuditFilters>({});
  /** True when the events shown are narrowed by a filter. */
  readonly narrowed = $derived(
    Boolean(this.filters.action_prefix || this.filters.campaign != null || this.filters.actor),
  );
  /** Counts loads, so a page that arrives after the filters changed is dropped. */
  private generation = 0;

  constructor(
    private readonly read: ReadAudit,
    readonly limit = 500,
  ) {}

  /** Reads the newest page for `filters`, replacing what is shown. */
  async first(filters: AuditFilters): Promise<void> {
    const mine = ++this.generation;
    this.filters = { ...filters };
    this.reading = true;
    try {
      const page = await this.read({ ...this.filters, limit: this.limit });
      if (mine !== this.generation) return;
      this.events = page.slice().reverse();
      this.atStart = page.length < this.limit;
    } finally {
      if (mine === this.generation) this.reading = false;
    }
  }

  /** Reads the page before the oldest event shown and appends it. Nothing when the start of
   * the log is already shown. */
  async older(): Promise<void> {
    if (this.atStart || this.reading) return;
    const oldest = this.events.at(-1);
    if (!oldest) return;
    const mine = ++this.generation;
    this.reading = true;
    try {
      const page = await this.read({ ...this.filters, before_seq: oldest.seq, limit: this.limit });
      if (mine !== this.generation) return;
      // Only events older than the oldest shown: a page can never repeat a row (each row is
      // keyed by its seq, and a repeated key breaks the list).
      const older = page.filter((e) => e.seq < oldest.seq).reverse();
      this.events = [...this.events, ...older];
      this.atStart = page.length < this.limit;
    } finally {
      if (mine === this.generation) this.reading = false;
    }
  }
}
