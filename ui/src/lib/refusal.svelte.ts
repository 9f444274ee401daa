import { untrack } from 'svelte';

/**
 * Whether the core's refusal of a save still applies to what is on screen: it stays in view
 * until the user changes something, then it no longer applies. `error` is the refusal (or
 * null), `snapshot` a serialisation of what is being edited. Call during component set-up.
 */
export function refusalInView(error: () => string | null | undefined, snapshot: () => string) {
  let refused = $state<string | null>(null);
  $effect(() => {
    if (error()) refused = untrack(snapshot);
  });
  return {
    get shown() {
      return error() !== null && refused === snapshot();
    },
  };
}
