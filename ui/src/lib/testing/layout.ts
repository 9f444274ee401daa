// jsdom has no layout: bind:clientHeight needs a ResizeObserver, and every height reads 0.
// Imported for its effect by the tests of virtualised lists.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
