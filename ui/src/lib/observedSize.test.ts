import { afterEach, describe, expect, it, vi } from 'vitest';

/** A ResizeObserver that records what it observes and reports when the test says. */
class FakeObserver {
  static last: FakeObserver | undefined;
  observed = new Set<Element>();
  constructor(readonly callback: ResizeObserverCallback) {
    FakeObserver.last = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  /** The browser's report after a layout: `targets` changed size. */
  report(...targets: Element[]) {
    this.callback(
      targets.map((target) => ({ target }) as ResizeObserverEntry),
      this as unknown as ResizeObserver,
    );
  }
}

async function load() {
  vi.resetModules();
  vi.stubGlobal('ResizeObserver', FakeObserver);
  return import('./observedSize');
}

afterEach(() => vi.unstubAllGlobals());

describe('observeSize', () => {
  it('tells each listener of an element when the browser reports its size, and never reads it itself', async () => {
    const { observeSize } = await load();
    const a = document.createElement('div');
    const b = document.createElement('div');
    const seen: string[] = [];
    observeSize(a, () => seen.push('a1'));
    observeSize(a, () => seen.push('a2'));
    observeSize(b, () => seen.push('b'));
    // Nothing is reported (and no size read) until the browser has laid the elements out.
    expect(seen).toEqual([]);
    const observer = FakeObserver.last!;
    expect(observer.observed).toEqual(new Set([a, b]));
    // One report for the elements laid out together: every listener in the same callback.
    observer.report(a, b);
    expect(seen).toEqual(['a1', 'a2', 'b']);
  });

  it('stops observing an element when its last listener stops', async () => {
    const { observeSize } = await load();
    const a = document.createElement('div');
    const seen: string[] = [];
    const stop1 = observeSize(a, () => seen.push('1'));
    const stop2 = observeSize(a, () => seen.push('2'));
    const observer = FakeObserver.last!;
    stop1();
    expect(observer.observed.has(a)).toBe(true);
    observer.report(a);
    expect(seen).toEqual(['2']);
    stop2();
    expect(observer.observed.has(a)).toBe(false);
    stop2(); // twice is harmless
  });
});
