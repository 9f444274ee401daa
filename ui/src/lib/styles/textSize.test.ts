/**
 * No text under 12 px anywhere in the app (the interview room is read at arm's length). The
 * root font is 15 px, so 0.8rem is the floor; px and em sizes are held to the same floor
 * (an em size is read as if its parent were the root: the check is static, not a layout).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { src, stylesheets } from './stylesheets';

const ROOT_PX = 15;
const FLOOR_PX = 12;

/** Every font-size below the floor, as "file: font-size: x". */
export function smallText(css: string, file = ''): string[] {
  const found: string[] = [];
  for (const m of css.matchAll(/font-size:\s*([0-9.]+)(rem|em|px)\b/g)) {
    const px = Number(m[1]) * (m[2] === 'px' ? 1 : ROOT_PX);
    if (px < FLOOR_PX - 0.01) found.push(`${file}: font-size: ${m[1]}${m[2]}`);
  }
  return found;
}

describe('text size', () => {
  it('finds a size under 12 px and passes one at the floor', () => {
    expect(smallText('a { font-size: 0.72rem } b { font-size: 0.8rem } c { font-size: 11px }')).toEqual([
      ': font-size: 0.72rem',
      ': font-size: 11px',
    ]);
  });

  it('no stylesheet in the app sets text under 12 px', () => {
    const all = stylesheets();
    expect(all.length).toBeGreaterThan(20);
    expect(all.flatMap((f) => smallText(readFileSync(f, 'utf8'), path.relative(src, f)))).toEqual([]);
  });
});
