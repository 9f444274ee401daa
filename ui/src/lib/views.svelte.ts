import type { Component } from 'svelte';
import type { ScreenId } from './screens';

/** Every screen but Start, which the app opens on and so is in the first bundle. */
export type ViewId = Exclude<ScreenId, 'start'>;

// Each screen but Start is a chunk of its own (script and its components' CSS), loaded by
// `import()`: the page's first bundle is then what the Start screen draws (84 KB of script and
// 7 KB of CSS instead of the whole app's 309 KB and 48 KB), which the webview loads and parses
// before its first frame. Measured 2026-12-03 19:07 UTC, 12 starts each alternating with the
// single bundle: page_to_script 24-53 ms (median 39) against 38-76 (62), since_main median 512
// against 533 ms. preloadViews() loads the chunks once the first frame is painted, so a
// screen's first open waits for no chunk.
/** A screen's chunk: its component, and what it may read before it is made (`prepareView`). */
type ViewModule = { default: Component; prepare?: () => Promise<void> };

const loaders: Record<ViewId, () => Promise<ViewModule>> = {
  roles: () => import('../screens/roles/RolesScreen.svelte'),
  scorecard: () => import('../screens/scorecard/ScorecardScreen.svelte'),
  campaign: () => import('../screens/campaign/CampaignScreen.svelte'),
  scoring: () => import('../screens/scoring/ScoringScreen.svelte'),
  moderation: () => import('../screens/moderation/ModerationScreen.svelte'),
  results: () => import('../screens/results/ResultsScreen.svelte'),
  export: () => import('../screens/export/ExportScreen.svelte'),
  audit: () => import('../screens/audit/AuditScreen.svelte'),
};

/** The screens loaded so far, by id. */
export const views = $state<{ loaded: Partial<Record<ViewId, Component>> }>({ loaded: {} });

const pending: Partial<Record<ViewId, Promise<Component>>> = {};

/** The screens' own first reads, by id, once their chunks are loaded. */
const preparers: Partial<Record<ViewId, () => Promise<void>>> = {};

/** How long App.go() holds the previous screen on show while the next one reads its first data:
 * longer, and the click would look ignored; the screen then shows its own "Loading…". */
export const PREPARE_WAIT_MS = 150;

/** The screen's component, loading its chunk the first time (a failed load is tried again). */
export function loadView(id: ViewId): Promise<Component> {
  const loaded = views.loaded[id];
  if (loaded) return Promise.resolve(loaded);
  pending[id] ??= loaders[id]().then(
    (module) => {
      if (module.prepare) preparers[id] = module.prepare;
      views.loaded = { ...views.loaded, [id]: module.default };
      return module.default;
    },
    (e: unknown) => {
      delete pending[id];
      throw e;
    },
  );
  return pending[id];
}

/** Loads every screen's chunk, after the first frame: a failure waits for the screen's open. */
export function preloadViews(): void {
  for (const id of Object.keys(loaders) as ViewId[]) loadView(id).catch(() => {});
}

/**
 * Lets a loaded screen ask for its first data before it is made (the board's summary, for
 * Moderation: screens/moderation/firstReads.ts; the campaign, candidates and first candidate's
 * scores for Scoring: screens/scoring/firstReads.ts), and resolves when that is in or after
 * `PREPARE_WAIT_MS`, whichever is first; at once for a screen with nothing to read first. Made
 * with its data at hand, the screen is drawn once, whole, rather than a frame without it and
 * then another.
 */
export function prepareView(id: ViewId, waitMs = PREPARE_WAIT_MS): Promise<void> {
  const prepare = preparers[id];
  return prepare ? within(prepare(), waitMs) : Promise.resolve();
}

/** Resolves when `work` settles (a failure too) or after `waitMs`, whichever is first. */
export function within(work: Promise<unknown>, waitMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  const settled = work.then(
    () => {},
    () => {},
  );
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}
