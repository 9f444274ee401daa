// jsdom has no layout: the virtualised lists' size observer (`observeSize`) needs a
// ResizeObserver, and every height reads 0. This one reports each element once it is
// observed, as a browser does after its first layout, so a test that gives elements a height
// (a `clientHeight` spy) sees the list drawn for it. Imported for its effect by the tests of
// virtualised lists.
globalThis.ResizeObserver ??= class {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    queueMicrotask(() => this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver));
  }
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
