import { describe, expect, it } from 'vitest';
import { isTextEntry, keyAction } from './keys';

const civilService = [1, 2, 3, 4, 5, 6, 7];

describe('keyAction', () => {
  it('does nothing while focus is outside the scoring form (the side menu, a filter)', () => {
    expect(keyAction({ key: '3', inText: false, inForm: false }, civilService)).toBeNull();
    expect(keyAction({ key: 'n', inText: false, inForm: false }, civilService)).toBeNull();
    expect(keyAction({ key: 'Enter', ctrlKey: true, inText: false, inForm: false }, civilService)).toBeNull();
    expect(keyAction({ key: '3', inText: false, inForm: true }, civilService)).toEqual({ type: 'score', value: 3 });
  });

  it('scores with a digit that is a point of the scale, outside text fields', () => {
    expect(keyAction({ key: '5', inText: false, inForm: true }, civilService)).toEqual({ type: 'score', value: 5 });
    expect(keyAction({ key: '1', inText: false, inForm: true }, civilService)).toEqual({ type: 'score', value: 1 });
    expect(keyAction({ key: '8', inText: false, inForm: true }, civilService)).toBeNull();
    expect(keyAction({ key: '0', inText: false, inForm: true }, civilService)).toBeNull();
    expect(keyAction({ key: '0', inText: false, inForm: true }, [0, 1, 2])).toEqual({ type: 'score', value: 0 });
  });

  it('leaves digits to the evidence box while typing notes', () => {
    expect(keyAction({ key: '5', inText: true, inForm: true }, civilService)).toBeNull();
    expect(keyAction({ key: 'n', inText: true, inForm: true }, civilService)).toBeNull();
  });

  it('ignores digits with a modifier (browser and system shortcuts)', () => {
    expect(keyAction({ key: '5', ctrlKey: true, inText: false, inForm: true }, civilService)).toBeNull();
    expect(keyAction({ key: '5', altKey: true, inText: false, inForm: true }, civilService)).toBeNull();
  });

  it('Ctrl+Enter (or ⌘+Enter) moves to the next criterion from anywhere; with Shift, back', () => {
    expect(keyAction({ key: 'Enter', ctrlKey: true, inText: true, inForm: true }, civilService)).toEqual({ type: 'next' });
    expect(keyAction({ key: 'Enter', metaKey: true, inText: false, inForm: true }, civilService)).toEqual({ type: 'next' });
    expect(keyAction({ key: 'Enter', ctrlKey: true, shiftKey: true, inText: true, inForm: true }, civilService)).toEqual({
      type: 'previous',
    });
    expect(keyAction({ key: 'Enter', inText: true, inForm: true }, civilService)).toBeNull(); // a new line in notes
  });

  it('n marks not assessed; Escape leaves the evidence box', () => {
    expect(keyAction({ key: 'n', inText: false, inForm: true }, civilService)).toEqual({ type: 'not-assessed' });
    expect(keyAction({ key: 'Escape', inText: true, inForm: true }, civilService)).toEqual({ type: 'leave-text' });
    expect(keyAction({ key: 'Escape', inText: false, inForm: true }, civilService)).toBeNull();
  });

  it('leaves Tab to the browser (it moves through the indicators)', () => {
    expect(keyAction({ key: 'Tab', inText: false, inForm: true }, civilService)).toBeNull();
    expect(keyAction({ key: 'Tab', shiftKey: true, inText: true, inForm: true }, civilService)).toBeNull();
  });
});

describe('isTextEntry', () => {
  it('tells text fields from buttons and radios', () => {
    const make = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.firstElementChild;
    };
    expect(isTextEntry(make('<textarea></textarea>'))).toBe(true);
    expect(isTextEntry(make('<input type="text">'))).toBe(true);
    expect(isTextEntry(make('<input>'))).toBe(true);
    expect(isTextEntry(make('<select></select>'))).toBe(true);
    expect(isTextEntry(make('<input type="radio">'))).toBe(false);
    expect(isTextEntry(make('<button>5</button>'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
