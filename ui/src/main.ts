import { mount } from 'svelte';
import './app.css';
import './lib/styles/forms.css';
import App from './App.svelte';
import { api } from './lib/api';
import { preloadViews } from './lib/views.svelte';
import { ignoreStrayDrops } from './screens/roles/drop';
import { nameSystemFonts } from './lib/systemFonts';

// The page's clock when the bundle runs (its modules defined, nothing mounted yet): the
// start-up measurement's split between loading the page and the first render (see ui_ready).
const scriptStartedMs = performance.now();

// The desktop's font family named ahead of the stacks before anything is drawn
// (lib/systemFonts.ts); the shell's initialisation script set it before this script ran.
nameSystemFonts(window.__PANELMARK_SYSTEM_FONTS__, document.documentElement);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const app = mount(App, { target });
const mountedMs = performance.now();

// A file dropped outside a drop zone (the Roles screen's) does nothing, rather than the
// webview opening the file in place of the app.
ignoreStrayDrops(window);

// Two animation frames after mounting, the first frame has been painted: tell the shell, which
// logs the time since start-up when PANELMARK_STARTUP_LOG=1 (tests/e2e/measure.mjs reads it).
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    performance.mark('panelmark:first-paint');
    api.uiReady(scriptStartedMs, mountedMs, performance.now()).catch((e) => console.warn('ui_ready failed', e));
    // The other screens' chunks, now that the Start screen is painted (lib/views.svelte.ts).
    preloadViews();
  }),
);

export default app;
