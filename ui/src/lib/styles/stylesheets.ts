/** The app's own stylesheets, for the style tests: every .svelte and .css file under ui/src. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ui/src, the root the tests name files from. */
export const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every .svelte and .css file under `dir` (generated bindings left out). */
export function stylesheets(dir = src): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'bindings' ? [] : stylesheets(full);
    return /\.(svelte|css)$/.test(name) ? [full] : [];
  });
}
