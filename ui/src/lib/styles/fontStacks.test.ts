/**
 * The app's font stacks name generic families only (app.css explains why: each named family is
 * a font lookup per size and weight the first time it is drawn, 15-80 ms each on Linux for a
 * long stack), and no stylesheet names a family of its own instead of using them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { src, stylesheets } from './stylesheets';

const GENERIC = new Set(['system-ui', 'sans-serif', 'serif', 'ui-monospace', 'monospace']);

/** The families a stack names, e.g. `system-ui, 'Segoe UI'` → ["system-ui", "Segoe UI"]. */
export function families(stack: string): string[] {
  return stack
    .split(',')
    .map((f) => f.trim().replace(/^['"]|['"]$/g, ''))
    .filter(Boolean);
}

describe('font stacks', () => {
  const appCss = readFileSync(path.join(src, 'app.css'), 'utf8');

  it('reads the families of a stack', () => {
    expect(families(" ui-monospace, 'SFMono-Regular' , monospace")).toEqual(['ui-monospace', 'SFMono-Regular', 'monospace']);
  });

  it('names generic families only in --font and --mono', () => {
    for (const name of ['--font', '--mono']) {
      const stack = appCss.match(new RegExp(`${name}:\\s*([^;]+);`))?.[1];
      expect(stack, `${name} in app.css`).toBeDefined();
      const named = families(stack!).filter((f) => !GENERIC.has(f));
      expect(named, `${name}: ${stack}`).toEqual([]);
    }
  });

  it('sets font-family only through the stacks', () => {
    const own = stylesheets().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/font-family:\s*([^;]+);/g)]
        .map((m) => m[1].trim())
        .filter((value) => !/^var\(--(font|mono)\)$/.test(value) && value !== 'inherit')
        .map((value) => `${path.relative(src, file)}: font-family: ${value}`),
    );
    expect(own).toEqual([]);
  });
});
