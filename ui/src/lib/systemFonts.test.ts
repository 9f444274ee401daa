import { describe, expect, it } from 'vitest';
import { nameSystemFonts, withFamily, withoutUiMonospace } from './systemFonts';

describe('withFamily', () => {
  it('puts a plain family first, quoted, before the stack', () => {
    expect(withFamily('Cantarell', 'system-ui, sans-serif')).toBe('"Cantarell", system-ui, sans-serif');
    expect(withFamily('Noto Sans CJK JP', 'system-ui, sans-serif')).toBe('"Noto Sans CJK JP", system-ui, sans-serif');
  });

  it('keeps the stack alone for no family or one that could break out of the string', () => {
    for (const odd of [null, '', '  ', 'Evil", red', 'a;b', 'back\\slash', 'x'.repeat(65)]) {
      expect(withFamily(odd, 'system-ui, sans-serif')).toBe('system-ui, sans-serif');
    }
  });
});

describe('withoutUiMonospace', () => {
  it('drops ui-monospace and keeps the rest in order', () => {
    expect(withoutUiMonospace('ui-monospace, monospace')).toBe('monospace');
    expect(withoutUiMonospace('"Fira Mono", UI-Monospace, monospace')).toBe('"Fira Mono", monospace');
  });

  it('never empties a stack', () => {
    expect(withoutUiMonospace('ui-monospace')).toBe('ui-monospace');
  });
});

/** A root element with the app's two stacks, as app.css sets them. */
function rootWithStacks(): HTMLElement {
  const root = document.createElement('div');
  root.style.setProperty('--font', 'system-ui, sans-serif');
  root.style.setProperty('--mono', 'ui-monospace, monospace');
  document.body.append(root);
  return root;
}

describe('nameSystemFonts', () => {
  it('names the desktop family first and drops ui-monospace where the webview has none', () => {
    const root = rootWithStacks();
    nameSystemFonts({ sans: 'Cantarell', no_ui_monospace: true }, root);
    expect(root.style.getPropertyValue('--font')).toBe('"Cantarell", system-ui, sans-serif');
    expect(root.style.getPropertyValue('--mono')).toBe('monospace');
    root.remove();
  });

  it('leaves the stacks alone when the shell named nothing, or handed nothing over', () => {
    const root = rootWithStacks();
    nameSystemFonts({ sans: null, no_ui_monospace: false }, root);
    nameSystemFonts(undefined, root);
    expect(root.style.getPropertyValue('--font')).toBe('system-ui, sans-serif');
    expect(root.style.getPropertyValue('--mono')).toBe('ui-monospace, monospace');
    root.remove();
  });
});
