/**
 * An element's size as the browser lays it out, reported after layout and never read while
 * the page renders.
 *
 * Svelte's `bind:clientHeight` reads the size once when the element is created, inside the
 * render: the browser must lay the page out there and then, before the rest of the screen is
 * in the DOM, and lay it out again for the frame. On the moderation board at 2,000 candidates
 * that first, forced layout took 32 ms of the screen's open on a quiet machine (90 ms on a
 * busy one; `tests/e2e/large.mjs` `layout_reads`), before a single row was drawn. A
 * ResizeObserver reports after the layout the browser does anyway for the next frame.
 *
 * One observer for the page, as Svelte's own bindings have: the elements that changed size
 * come in one callback, each read while the layout is still clean (a state change made by one
 * callback would be laid out again at the next one's read).
 */

type Listener = (element: Element) => void;

const listeners = new Map<Element, Set<Listener>>();
let observer: ResizeObserver | undefined;

function shared(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      for (const listener of listeners.get(entry.target) ?? []) listener(entry.target);
    }
  });
  return observer;
}

/**
 * Calls `listener` with `element` after each layout that gave it a new size (the first as soon
 * as it is laid out with a size other than zero). Returns the function that stops it.
 */
export function observeSize(element: Element, listener: Listener): () => void {
  let set = listeners.get(element);
  if (!set) {
    set = new Set();
    listeners.set(element, set);
    shared().observe(element);
  }
  set.add(listener);
  return () => {
    const current = listeners.get(element);
    if (!current) return;
    current.delete(listener);
    if (current.size === 0) {
      listeners.delete(element);
      observer?.unobserve(element);
    }
  };
}
