/**
 * Every command the API module calls is one the shell registers (src-tauri/src/command_names.rs,
 * which also generates the capability's permissions). A typo or a command removed from the shell
 * would otherwise only show as a rejected call at run time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

/** The names in `COMMAND_NAMES`, read from the Rust source. */
export function registeredCommands(rust: string): Set<string> {
  const list = /COMMAND_NAMES: &\[&str\] = &\[([\s\S]*?)\];/.exec(rust);
  if (!list) throw new Error('COMMAND_NAMES not found in command_names.rs');
  return new Set([...list[1].matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]));
}

/** Every `call<…>('name'` (or `call('name'`) in the API source. */
export function calledCommands(ts: string): string[] {
  return [...ts.matchAll(/\bcall(?:<[^(]*?>)?\(\s*'([^']+)'/g)].map((m) => m[1]);
}

describe('API commands', () => {
  const registered = registeredCommands(read('../../../src-tauri/src/command_names.rs'));
  const called = calledCommands(read('./api.ts'));

  it('finds the calls and the registered names it compares', () => {
    expect(called.length).toBeGreaterThan(40);
    expect(registered.has('startup_info')).toBe(true);
  });

  it('calls only registered commands', () => {
    expect(called.filter((name) => !registered.has(name))).toEqual([]);
  });

  it('reads a generic call and a misspelt one', () => {
    expect(calledCommands("call<Wire<Role>[]>('list_roles'), call('sign_of', {})")).toEqual(['list_roles', 'sign_of']);
    expect(registeredCommands('pub const COMMAND_NAMES: &[&str] = &["a_b", "c"];')).toEqual(new Set(['a_b', 'c']));
  });
});
