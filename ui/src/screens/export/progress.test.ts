import { describe, expect, it } from 'vitest';
import { progressText } from './progress';

describe('progressText', () => {
  it('counts every file at the end', () => {
    expect(progressText(3, 3, 6)).toBe('Done: 6 files written, including 3 of 3 PDF documents.');
    expect(progressText(5001, 5001, 5005)).toBe('Done: 5,005 files written, including 5,001 of 5,001 PDF documents.');
  });
  it('does not mention PDFs when only CSV files were written', () => {
    expect(progressText(0, 0, 3)).toBe('Done: 3 files written.');
    expect(progressText(0, 0, 1)).toBe('Done: 1 file written.');
  });
});
