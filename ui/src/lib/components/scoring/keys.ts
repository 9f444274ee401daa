/**
 * The scoring screen's keyboard: which key does what. Pure, so it is tested without a DOM.
 *
 * - No shortcut acts unless focus is inside the scoring form: a digit pressed on the side
 *   menu, a filter or the candidate list must never rescore a criterion.
 * - A digit that is a point of the scale scores the criterion, unless focus is in a text
 *   field (where digits are notes). "n" marks the criterion not assessed, on the same terms.
 * - Ctrl+Enter (⌘+Enter on a Mac) goes to the next criterion from anywhere, the evidence box
 *   included; with Shift, to the previous one.
 * - Escape in the evidence box leaves it, so digits score again.
 * - Tab / Shift+Tab are left to the browser: they move through the indicators.
 */

export type KeyAction =
  | { type: 'score'; value: number }
  | { type: 'not-assessed' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'leave-text' };

/** What the handler needs to know about a key press. */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  /** Focus is in a field that takes text (textarea, text input, select, contenteditable). */
  inText: boolean;
  /** Focus is inside the scoring form (the criterion being scored and its steps). */
  inForm: boolean;
}

export function keyAction(press: KeyPress, scaleValues: readonly number[]): KeyAction | null {
  if (!press.inForm) return null;
  const command = press.ctrlKey || press.metaKey;
  if (press.key === 'Enter' && command && !press.altKey) {
    return press.shiftKey ? { type: 'previous' } : { type: 'next' };
  }
  if (press.key === 'Escape' && press.inText) return { type: 'leave-text' };
  if (press.inText || command || press.altKey) return null;
  if (/^[0-9]$/.test(press.key)) {
    const value = Number(press.key);
    return scaleValues.includes(value) ? { type: 'score', value } : null;
  }
  if (press.key === 'n' || press.key === 'N') return { type: 'not-assessed' };
  return null;
}

/** Whether `el` takes typed text, so single keys belong to it and not to the shortcuts. */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if ((el as HTMLElement).isContentEditable) return true;
  if (tag === 'INPUT') {
    const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
    return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return false;
}
