/**
 * Names the desktop's own font family ahead of the page's stacks (`--font`, `--mono` in
 * app.css), as the shell handed it to the page before its scripts ran
 * (`window.__PANELMARK_SYSTEM_FONTS__`; src-tauri/src/system_fonts.rs explains why: WebKitGTK
 * resolves `system-ui` to GTK's font on a slow path for every size and weight drawn, and looks
 * `ui-monospace` up as a family that does not exist; the Start screen's first frame took
 * 20–30 ms longer for it). The family named is the one `system-ui` stands for (GTK's font):
 * with GTK's default font the page looks the same, and with another one set it is used for all
 * text, where WebKitGTK's `system-ui` used it for some; the stacks stay behind it, so a glyph
 * it lacks is found as before.
 */
import type { SystemFonts } from './bindings/SystemFonts';

declare global {
  interface Window {
    /** Set by the shell's initialisation script; absent in a browser or under Vitest. */
    __PANELMARK_SYSTEM_FONTS__?: SystemFonts;
  }
}

/** What the shell may name: letters, digits, spaces, `-`, `_`, `.` (checked there too). */
const PLAIN_FAMILY = /^[\p{L}\p{N} ._-]{1,64}$/u;

/** `stack` with `family` first, quoted; the stack alone for a family that is missing or odd. */
export function withFamily(family: string | null, stack: string): string {
  const plain = family?.trim() ?? '';
  return PLAIN_FAMILY.test(plain) ? `"${plain}", ${stack}` : stack;
}

/** `stack` without `ui-monospace`, for a webview that has none; the stack alone if that would empty it. */
export function withoutUiMonospace(stack: string): string {
  const kept = stack
    .split(',')
    .map((family) => family.trim())
    .filter((family) => family && family.toLowerCase() !== 'ui-monospace');
  return kept.length ? kept.join(', ') : stack;
}

/** Sets `--font` and `--mono` on `root` for the fonts the shell handed over; nothing if none. */
export function nameSystemFonts(fonts: SystemFonts | undefined, root: HTMLElement): void {
  if (!fonts) return;
  const style = getComputedStyle(root);
  const font = style.getPropertyValue('--font').trim();
  const named = withFamily(fonts.sans, font);
  if (font && named !== font) root.style.setProperty('--font', named);
  const mono = style.getPropertyValue('--mono').trim();
  if (mono && fonts.no_ui_monospace) {
    const generic = withoutUiMonospace(mono);
    if (generic !== mono) root.style.setProperty('--mono', generic);
  }
}
