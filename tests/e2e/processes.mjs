// The app's processes as Linux shows them (/proc): who is whose child, what a process has
// mapped, and the rendering choice the app makes (src-tauri/src/rendering.rs), for the tests
// that check what that choice loads.
import { readFileSync, readdirSync, realpathSync } from 'node:fs';

/** The pids whose parent is `pid`. */
export function childrenOf(pid) {
  const kids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch {
      // gone already
    }
  }
  return kids;
}

/** The first process under `pid` (itself included, breadth first) running `binary`, or null. */
export function processRunning(pid, binary) {
  const want = realpathSync(binary);
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift();
    try {
      if (realpathSync(`/proc/${next}/exe`) === want) return next;
    } catch {
      // gone, or not ours to read
    }
    queue.push(...childrenOf(next));
  }
  return null;
}

/** GL driver libraries mapped by `pid`: libglvnd's vendors (libEGL_mesa, libGLX_mesa), Mesa's
 * drivers (*_dri.so, libgallium) and libLLVM, which Mesa's software drivers link. */
export function glDriversMappedBy(pid) {
  const maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
  const names = new Set();
  for (const line of maps.split('\n')) {
    const file = line.split(/\s+/)[5];
    if (!file) continue;
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (/^lib(EGL|GLX)_|_dri\.so|^libgallium|^libLLVM/.test(name)) names.add(name);
  }
  return [...names].sort();
}

function hasRenderNode() {
  try {
    return readdirSync('/dev/dri').some((name) => name.startsWith('renderD'));
  } catch {
    return false;
  }
}

/** Whether the app turns WebKitGTK's compositing off under `env`: PANELMARK_GPU_COMPOSITING=0,
 * or unset on a machine without a GPU render node; never over WebKitGTK's own switch. */
export function appTurnsCompositingOff(env = process.env) {
  const gpu = env.PANELMARK_GPU_COMPOSITING;
  return env.WEBKIT_DISABLE_COMPOSITING_MODE === undefined && (gpu === '0' || (gpu !== '1' && !hasRenderNode()));
}

/** Whether the app keeps the GL stack out of its own process under `env`: compositing off (by
 * the app or by WebKitGTK's switch) and GTK on X11. */
export function appKeepsGlOut(env = process.env) {
  const webkit = env.WEBKIT_DISABLE_COMPOSITING_MODE;
  const off = appTurnsCompositingOff(env) || (webkit !== undefined && webkit !== '0');
  const backend = env.GDK_BACKEND;
  const x11 =
    backend && backend !== '*' ? backend.startsWith('x11') : !env.WAYLAND_DISPLAY && Boolean(env.DISPLAY);
  return off && x11;
}
