import { describe, expect, it } from 'vitest';
import { progressText } from './progress';

describe('progressText', () => {
  it('says it is starting before the first report', () => {
    expect(progressText(0, 0, true)).toBe('Starting…');
  });
  it('counts PDF documents with a rounded-down percentage while running', () => {
    expect(progressText(1, 3, true)).toBe('1 of 3 PDF documents written (33%)');
    expect(progressText(4999, 5001, true)).toBe('4,999 of 5,001 PDF documents written (99%)');
  });
  it('counts every file at the end', () => {
    expect(progressText(3, 3, false, 6)).toBe('Done: 6 files written, including 3 of 3 PDF documents.');
  });
  it('does not mention PDFs when only CSV files were written', () => {
    expect(progressText(0, 0, false, 3)).toBe('Done: 3 files written.');
    expect(progressText(0, 0, false, 1)).toBe('Done: 1 file written.');
  });
});
