import { describe, expect, it } from 'vitest';
import { progressText } from './progress';

describe('progressText', () => {
  it('says it is starting before the first report', () => {
    expect(progressText(0, 0, true)).toBe('Starting…');
  });
  it('counts documents with a rounded-down percentage while running', () => {
    expect(progressText(1, 3, true)).toBe('1 of 3 documents written (33%)');
    expect(progressText(4999, 5001, true)).toBe('4,999 of 5,001 documents written (99%)');
  });
  it('says done at the end', () => {
    expect(progressText(3, 3, false)).toBe('Done: 3 of 3 documents written.');
  });
});
